using System.Collections;
using System.Text;
using Prow.GoTemplates.Parsing;

namespace Prow.GoTemplates.Execution;

/// <summary>Walks a parse tree over the data, as Go's text/template exec does.</summary>
internal sealed class Executor(string name, IReadOnlyDictionary<string, ListNode> templates, IReadOnlyDictionary<string, Delegate> functions)
{
    private const int MaxDepth = 10000;
    private static readonly object s_noFinal = new();

    private readonly StringBuilder _output = new();
    private readonly List<(string Name, object? Value)> _variables = [];
    private int _depth;

    public string Run(object? data)
    {
        _variables.Add(("$", data));
        Walk(data, templates[name], name);
        return _output.ToString();
    }

    private void Walk(object? dot, Node node, string template)
    {
        switch (node)
        {
            case ListNode list:
                foreach (var child in list.Nodes)
                {
                    Walk(dot, child, template);
                }

                break;
            case TextNode text:
                _output.Append(text.Text);
                break;
            case ActionNode action:
                var value = Pipeline(dot, action.Pipe, template, declare: true);
                if (action.Pipe.Declarations.Count == 0)
                {
                    _output.Append(GoFormatter.Value(value));
                }

                break;
            case BranchNode branch:
                Branch(dot, branch, template);
                break;
            case TemplateNode call:
                Template(dot, call, template);
                break;
            case BreakNode:
                throw new BreakSignal();
            case ContinueNode:
                throw new ContinueSignal();
        }
    }

    private void Branch(object? dot, BranchNode branch, string template)
    {
        var mark = _variables.Count;
        try
        {
            if (branch.Kind == BranchKind.Range)
            {
                Range(dot, branch, template);
                return;
            }

            var value = Pipeline(dot, branch.Pipe, template, declare: true);
            if (GoValues.IsTrue(value))
            {
                Walk(branch.Kind == BranchKind.With ? value : dot, branch.List, template);
            }
            else if (branch.ElseList is { } elseList)
            {
                Walk(dot, elseList, template);
            }
        }
        finally
        {
            _variables.RemoveRange(mark, _variables.Count - mark);
        }
    }

    private void Range(object? dot, BranchNode branch, string template)
    {
        var value = Pipeline(dot, branch.Pipe, template, declare: false);
        var mark = _variables.Count;
        var any = false;
        foreach (var (key, element) in Iterate(value, branch, template))
        {
            any = true;
            if (branch.Pipe.Declarations.Count == 1)
            {
                Declare(branch.Pipe, element, isKey: false);
            }
            else if (branch.Pipe.Declarations.Count == 2)
            {
                Declare(branch.Pipe, key, isKey: true);
                Declare(branch.Pipe, element, isKey: false);
            }

            try
            {
                Walk(element, branch.List, template);
            }
            catch (ContinueSignal)
            {
            }
            catch (BreakSignal)
            {
                break;
            }
            finally
            {
                _variables.RemoveRange(mark, _variables.Count - mark);
            }
        }

        if (!any && branch.ElseList is { } elseList)
        {
            Walk(dot, elseList, template);
        }
    }

    private void Declare(PipeNode pipe, object? value, bool isKey)
    {
        var variable = pipe.Declarations[isKey || pipe.Declarations.Count == 1 ? 0 : 1];
        if (pipe.IsAssign)
        {
            Assign(variable, value);
        }
        else
        {
            _variables.Add((variable, value));
        }
    }

    private static IEnumerable<(object? Key, object? Element)> Iterate(object? value, BranchNode branch, string template)
    {
        switch (value)
        {
            case null or NoValue:
                yield break;
            case IDictionary map:
                foreach (var key in map.Keys.Cast<object>().OrderBy(k => k as string ?? "", StringComparer.Ordinal).ThenBy(k => GoValues.KindOf(k) == GoValues.Kind.Int ? GoValues.ToInt64(k) : 0))
                {
                    yield return (key, map[key]);
                }

                break;
            case string:
                throw Fail(template, branch, $"range can't iterate over {value}");
            case IEnumerable items:
                var index = 0L;
                foreach (var item in items)
                {
                    yield return (index++, item);
                }

                break;
            default:
                if (GoValues.KindOf(value) == GoValues.Kind.Int)
                {
                    for (var i = 0L; i < GoValues.ToInt64(value); i++)
                    {
                        yield return (i, i);
                    }

                    break;
                }

                throw Fail(template, branch, $"range can't iterate over {GoFormatter.Value(value)}");
        }
    }

    private void Template(object? dot, TemplateNode call, string template)
    {
        if (!templates.TryGetValue(call.Name, out var body))
        {
            throw Fail(template, call, $"no such template \"{call.Name}\"");
        }

        var data = call.Pipe is null ? null : Pipeline(dot, call.Pipe, template, declare: true);
        if (++_depth > MaxDepth)
        {
            throw Fail(template, call, $"exceeded maximum template depth ({MaxDepth})");
        }

        var saved = _variables.ToList();
        _variables.Clear();
        _variables.Add(("$", data));
        try
        {
            Walk(data, body, call.Name);
        }
        finally
        {
            _variables.Clear();
            _variables.AddRange(saved);
            _depth--;
        }
    }

    private object? Pipeline(object? dot, PipeNode pipe, string template, bool declare)
    {
        var value = s_noFinal;
        foreach (var command in pipe.Commands)
        {
            value = Command(dot, command, value, template);
        }

        if (declare)
        {
            foreach (var variable in pipe.Declarations)
            {
                if (pipe.IsAssign)
                {
                    Assign(variable, value);
                }
                else
                {
                    _variables.Add((variable, value));
                }
            }
        }

        return value;
    }

    private object? Command(object? dot, CommandNode command, object? final, string template)
    {
        var first = command.Args[0];
        try
        {
            switch (first)
            {
                case FieldNode field:
                    return Fields(dot, field.Names, Arguments(dot, command, final, template));
                case VariableNode variable when variable.Names.Count > 1:
                    return Fields(Lookup(variable.Names[0]), variable.Names.Skip(1).ToList(), Arguments(dot, command, final, template));
                case ChainNode chain:
                    return Fields(Argument(dot, chain.Operand, template), chain.Fields, Arguments(dot, command, final, template));
                case IdentifierNode function:
                    return Function(dot, function.Name, command, final, template);
            }

            if (command.Args.Count > 1 || final != s_noFinal)
            {
                throw new ExecutionError($"can't give argument to non-function {first}");
            }

            return first switch
            {
                LiteralNode { Value: null } => throw new ExecutionError("nil is not a command"),
                _ => Argument(dot, first, template),
            };
        }
        catch (ExecutionError ex)
        {
            throw Fail(template, command, ex.Message);
        }
    }

    private List<object?> Arguments(object? dot, CommandNode command, object? final, string template)
    {
        var args = command.Args.Skip(1).Select(a => Argument(dot, a, template)).ToList();
        if (final != s_noFinal)
        {
            args.Add(final);
        }

        return args;
    }

    private static object? Fields(object? receiver, IReadOnlyList<string> names, List<object?> args)
    {
        var type = "interface {}";
        for (var i = 0; i < names.Count; i++)
        {
            receiver = GoValues.Field(receiver, names[i], i == names.Count - 1 ? args : [], type, out type);
        }

        return receiver;
    }

    private object? Function(object? dot, string function, CommandNode command, object? final, string template)
    {
        if (function is "and" or "or")
        {
            var operands = command.Args.Skip(1).Cast<Node?>().ToList();
            if (final != s_noFinal)
            {
                operands.Add(null);
            }

            if (operands.Count == 0)
            {
                throw new ExecutionError($"wrong number of args for {function}: want at least 1 got 0");
            }

            object? value = null;
            foreach (var operand in operands)
            {
                value = operand is null ? final : Argument(dot, operand, template);
                if (GoValues.IsTrue(value) == (function == "or"))
                {
                    return value;
                }
            }

            return value;
        }

        var args = Arguments(dot, command, final, template);
        if (functions.TryGetValue(function, out var custom))
        {
            return Builtins.Call(function, custom.Method, custom.Target, args);
        }

        return Builtins.Call(function, args);
    }

    private object? Argument(object? dot, Node node, string template) => node switch
    {
        DotNode => dot,
        LiteralNode literal => literal.Value,
        FieldNode field => Fields(dot, field.Names, []),
        VariableNode variable => Fields(Lookup(variable.Names[0]), variable.Names.Skip(1).ToList(), []),
        ChainNode chain => Fields(Argument(dot, chain.Operand, template), chain.Fields, []),
        PipeNode pipe => Pipeline(dot, pipe, template, declare: true),
        IdentifierNode function => Function(dot, function.Name, new CommandNode(node.Line, [node]), s_noFinal, template),
        _ => throw new ExecutionError($"can't handle {node}"),
    };

    private object? Lookup(string variable)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == variable)
            {
                return _variables[i].Value;
            }
        }

        throw new ExecutionError($"undefined variable: {variable}");
    }

    private void Assign(string variable, object? value)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == variable)
            {
                _variables[i] = (variable, value);
                return;
            }
        }

        throw new ExecutionError($"undefined variable: {variable}");
    }

    private static GoTemplateException Fail(string template, Node node, string message) =>
        new($"template: {template}:{node.Line}: executing \"{template}\" at <{node}>: {message}");

    private sealed class BreakSignal : Exception;

    private sealed class ContinueSignal : Exception;
}
