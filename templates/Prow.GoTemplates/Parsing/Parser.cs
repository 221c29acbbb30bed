using System.Globalization;

namespace Prow.GoTemplates.Parsing;

/// <summary>
/// Builds the parse tree from the lexer's tokens with Go's rules: <c>else if</c> and <c>else with</c> share one
/// <c>end</c>, variables must be declared before use, functions must be known when the template is parsed,
/// and <c>define</c> adds named templates beside the main one.
/// </summary>
internal sealed class Parser(string name, List<Token> tokens, Func<string, bool> isFunction)
{
    private readonly Dictionary<string, ListNode> _templates = new(StringComparer.Ordinal);
    private readonly List<string> _variables = ["$"];
    private int _pos;
    private int _rangeDepth;

    public Dictionary<string, ListNode> Parse()
    {
        var (list, stop) = ParseList(topLevel: true);
        if (stop is not null)
        {
            throw Error(Peek(-1).Line, $"unexpected {{{{{stop}}}}}");
        }

        // A main template of only white space does not replace a {{define}} of the same name, as in Go.
        if (!_templates.ContainsKey(name) || list.Nodes.Exists(n => n is not TextNode { Text: var t } || !string.IsNullOrWhiteSpace(t)))
        {
            _templates[name] = list;
        }

        return _templates;
    }

    /// <summary>Items until EOF, or until <c>{{end}}</c> / <c>{{else</c>; returns which keyword stopped it.</summary>
    private (ListNode List, string? Stop) ParseList(bool topLevel = false)
    {
        var nodes = new List<Node>();
        var line = Peek().Line;
        while (true)
        {
            var token = Next();
            switch (token.Kind)
            {
                case TokenKind.Eof:
                    if (!topLevel)
                    {
                        throw Error(token.Line, "unexpected EOF");
                    }

                    return (new ListNode(line, nodes), null);
                case TokenKind.Text:
                    nodes.Add(new TextNode(token.Line, token.Value));
                    break;
                case TokenKind.LeftDelim:
                    if (Peek() is { Kind: TokenKind.Keyword, Value: "end" or "else" } stop)
                    {
                        _pos++;
                        if (topLevel)
                        {
                            throw Error(stop.Line, $"unexpected {{{{{stop.Value}}}}}");
                        }

                        if (stop.Value == "end")
                        {
                            Expect(TokenKind.RightDelim, "end");
                        }

                        return (new ListNode(line, nodes), stop.Value);
                    }

                    if (Action(topLevel) is { } node)
                    {
                        nodes.Add(node);
                    }

                    break;
                default:
                    throw Error(token.Line, $"unexpected {token.Value}");
            }
        }
    }

    private Node? Action(bool topLevel)
    {
        var token = Peek();
        if (token.Kind != TokenKind.Keyword)
        {
            return new ActionNode(token.Line, Pipeline("command", TokenKind.RightDelim));
        }

        _pos++;
        switch (token.Value)
        {
            case "if":
                return Control(BranchKind.If, token.Line);
            case "range":
                _rangeDepth++;
                try
                {
                    return Control(BranchKind.Range, token.Line);
                }
                finally
                {
                    _rangeDepth--;
                }

            case "with":
                return Control(BranchKind.With, token.Line);
            case "template":
                return TemplateCall(token.Line);
            case "block":
                var block = TemplateCall(token.Line);
                Define(block.Name, token.Line);
                return block;
            case "define":
                if (!topLevel)
                {
                    throw Error(token.Line, "unexpected <define> in command");
                }

                Define(ExpectString("define clause").Value, token.Line, expectClose: true);
                return null;
            case "break" or "continue":
                if (_rangeDepth == 0)
                {
                    throw Error(token.Line, $"{{{{{token.Value}}}}} outside {{{{range}}}}");
                }

                Expect(TokenKind.RightDelim, token.Value);
                return token.Value == "break" ? new BreakNode(token.Line) : new ContinueNode(token.Line);
            default:
                throw Error(token.Line, $"unexpected <{token.Value}> in command");
        }
    }

    private void Define(string templateName, int line, bool expectClose = false)
    {
        if (expectClose)
        {
            Expect(TokenKind.RightDelim, "define clause");
        }

        var saved = _variables.ToList();
        _variables.RemoveRange(1, _variables.Count - 1);
        var (list, stop) = ParseList();
        _variables.Clear();
        _variables.AddRange(saved);
        if (stop != "end")
        {
            throw Error(line, "unexpected {{else}} in define");
        }

        _templates[templateName] = list;
    }

    private BranchNode Control(BranchKind kind, int line)
    {
        var mark = _variables.Count;
        var context = kind.ToString().ToLowerInvariant();
        var pipe = Pipeline(context, TokenKind.RightDelim);
        var (list, stop) = ParseList();
        ListNode? elseList = null;
        if (stop == "else")
        {
            if (kind != BranchKind.Range && Peek() is { Kind: TokenKind.Keyword } chained && chained.Value == context)
            {
                _pos++;
                elseList = new ListNode(chained.Line, [Control(kind, chained.Line)]);
            }
            else
            {
                Expect(TokenKind.RightDelim, "else");
                (elseList, stop) = ParseList();
                if (stop != "end")
                {
                    throw Error(line, "expected end; found {{else}}");
                }
            }
        }

        _variables.RemoveRange(mark, _variables.Count - mark);
        return new BranchNode(line, kind, pipe, list, elseList);
    }

    private TemplateNode TemplateCall(int line)
    {
        var templateName = ExpectString("template clause").Value;
        if (Peek().Kind == TokenKind.RightDelim)
        {
            _pos++;
            return new TemplateNode(line, templateName, null);
        }

        return new TemplateNode(line, templateName, Pipeline("template clause", TokenKind.RightDelim));
    }

    private PipeNode Pipeline(string context, TokenKind end)
    {
        var line = Peek().Line;
        var declarations = new List<string>();
        var isAssign = false;
        if (Peek().Kind == TokenKind.Variable)
        {
            var save = _pos;
            var first = Next();
            if (Peek().Kind is TokenKind.Declare or TokenKind.Assign)
            {
                isAssign = Next().Kind == TokenKind.Assign;
                declarations.Add(first.Value);
            }
            else if (Peek().Kind == TokenKind.Comma && context == "range")
            {
                _pos++;
                var second = Expect(TokenKind.Variable, "range");
                var op = Next();
                if (op.Kind is not (TokenKind.Declare or TokenKind.Assign))
                {
                    throw Error(op.Line, $"unexpected \"{op.Value}\" in range");
                }

                isAssign = op.Kind == TokenKind.Assign;
                declarations.Add(first.Value);
                declarations.Add(second.Value);
            }
            else
            {
                _pos = save;
            }
        }

        var commands = new List<CommandNode>();
        while (true)
        {
            if (Peek().Kind == end)
            {
                _pos++;
                break;
            }

            if (commands.Count > 0)
            {
                Expect(TokenKind.Pipe, context);
            }

            commands.Add(Command(context, end));
        }

        if (commands.Count == 0)
        {
            throw Error(line, $"missing value for {context}");
        }

        foreach (var declared in declarations)
        {
            if (isAssign)
            {
                RequireVariable(declared, line);
            }
            else
            {
                _variables.Add(declared);
            }
        }

        return new PipeNode(line, declarations, isAssign, commands);
    }

    private CommandNode Command(string context, TokenKind end)
    {
        var line = Peek().Line;
        var args = new List<Node>();
        while (Peek().Kind != TokenKind.Pipe && Peek().Kind != end)
        {
            if (Peek().Kind is TokenKind.RightDelim or TokenKind.RightParen or TokenKind.Eof)
            {
                throw Error(Peek().Line, $"unexpected {Describe(Peek())} in operand");
            }

            if (args.Count > 0 && !Peek().SpaceBefore && Peek().Kind != TokenKind.LeftParen)
            {
                throw Error(Peek().Line, $"missing space? {Describe(Peek())}");
            }

            args.Add(Operand());
        }

        if (args.Count == 0)
        {
            throw Error(line, $"missing value for {context}");
        }

        return new CommandNode(line, args);
    }

    private Node Operand()
    {
        var term = Term();
        if (Peek() is not { Kind: TokenKind.Field, SpaceBefore: false })
        {
            return term;
        }

        var fields = new List<string>();
        while (Peek() is { Kind: TokenKind.Field, SpaceBefore: false })
        {
            fields.Add(Next().Value);
        }

        return term switch
        {
            FieldNode field => field with { Names = [.. field.Names, .. fields] },
            VariableNode variable => variable with { Names = [.. variable.Names, .. fields] },
            LiteralNode or DotNode => throw Error(term.Line, $"unexpected . after term {term}"),
            _ => new ChainNode(term.Line, term, fields),
        };
    }

    private Node Term()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                if (!isFunction(token.Value))
                {
                    throw Error(token.Line, $"function \"{token.Value}\" not defined");
                }

                return new IdentifierNode(token.Line, token.Value);
            case TokenKind.Dot:
                return new DotNode(token.Line);
            case TokenKind.Nil:
                return new LiteralNode(token.Line, null, "nil");
            case TokenKind.Field:
                var names = new List<string> { token.Value };
                while (Peek() is { Kind: TokenKind.Field, SpaceBefore: false })
                {
                    names.Add(Next().Value);
                }

                return new FieldNode(token.Line, names);
            case TokenKind.Variable:
                RequireVariable(token.Value, token.Line);
                return new VariableNode(token.Line, [token.Value]);
            case TokenKind.Bool:
                return new LiteralNode(token.Line, token.Value == "true", token.Value);
            case TokenKind.String:
                return new LiteralNode(token.Line, token.Value, Quote(token.Value));
            case TokenKind.Char:
                return new LiteralNode(token.Line, (long)char.ConvertToUtf32(token.Value, 0), $"'{token.Value}'");
            case TokenKind.Number:
                return new LiteralNode(token.Line, Number(token), token.Value);
            case TokenKind.LeftParen:
                return Pipeline("parenthesized pipeline", TokenKind.RightParen);
            default:
                throw Error(token.Line, $"unexpected {Describe(token)} in operand");
        }
    }

    private object Number(Token token)
    {
        var text = token.Value.Replace("_", "", StringComparison.Ordinal);
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('+', '-');
        try
        {
            if (digits.Length > 1 && digits[0] == '0' && char.IsAsciiLetter(digits[1]) && digits[1] is not ('e' or 'E'))
            {
                var radix = char.ToLowerInvariant(digits[1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 0 };
                if (radix != 0)
                {
                    var value = Convert.ToInt64(digits[2..], radix);
                    return negative ? -value : value;
                }
            }
            else if (digits.Length > 1 && digits[0] == '0' && digits.All(char.IsAsciiDigit))
            {
                var value = Convert.ToInt64(digits[1..], 8);
                return negative ? -value : value;
            }
            else if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return integer;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                return real;
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
        }

        throw Error(token.Line, $"illegal number syntax: \"{token.Value}\"");
    }

    private void RequireVariable(string variable, int line)
    {
        if (!_variables.Contains(variable))
        {
            throw Error(line, $"undefined variable \"{variable}\"");
        }
    }

    private Token ExpectString(string context)
    {
        var token = Next();
        return token.Kind == TokenKind.String ? token : throw Error(token.Line, $"unexpected {Describe(token)} in {context}");
    }

    private Token Expect(TokenKind kind, string context)
    {
        var token = Next();
        return token.Kind == kind ? token : throw Error(token.Line, $"unexpected {Describe(token)} in {context}");
    }

    private Token Next() => tokens[Math.Min(_pos++, tokens.Count - 1)];

    private Token Peek(int offset = 0) => tokens[Math.Clamp(_pos + offset, 0, tokens.Count - 1)];

    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.Eof => "EOF",
        TokenKind.RightDelim => "\"}}\"",
        TokenKind.String => Quote(token.Value),
        _ => $"<{token.Value}>",
    };

    internal static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private GoTemplateException Error(int line, string message) => new($"template: {name}:{line}: {message}");
}
