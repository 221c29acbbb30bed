namespace Prow.GoTemplates.Parsing;

// The parse tree of a template, as in Go's text/template/parse: a list of text and actions, control structures
// holding lists, pipelines of commands, and the operands of a command.
internal abstract record Node(int Line);

internal sealed record ListNode(int Line, List<Node> Nodes) : Node(Line);

internal sealed record TextNode(int Line, string Text) : Node(Line);

internal sealed record ActionNode(int Line, PipeNode Pipe) : Node(Line);

internal enum BranchKind
{
    If,
    Range,
    With,
}

internal sealed record BranchNode(int Line, BranchKind Kind, PipeNode Pipe, ListNode List, ListNode? ElseList) : Node(Line);

internal sealed record TemplateNode(int Line, string Name, PipeNode? Pipe) : Node(Line);

internal sealed record BreakNode(int Line) : Node(Line);

internal sealed record ContinueNode(int Line) : Node(Line);

/// <param name="Declarations">Variables declared (<c>:=</c>) or assigned (<c>=</c>) by the pipeline.</param>
internal sealed record PipeNode(int Line, List<string> Declarations, bool IsAssign, List<CommandNode> Commands) : Node(Line)
{
    public override string ToString() =>
        (Declarations.Count > 0 ? string.Join(", ", Declarations) + (IsAssign ? " = " : " := ") : "") + string.Join(" | ", Commands);
}

internal sealed record CommandNode(int Line, List<Node> Args) : Node(Line)
{
    public override string ToString() => string.Join(" ", Args.Select(a => a is PipeNode ? $"({a})" : a.ToString()));
}

internal sealed record FieldNode(int Line, List<string> Names) : Node(Line)
{
    public override string ToString() => "." + string.Join(".", Names);
}

/// <param name="Names">The variable's name (with its <c>$</c>) followed by the fields read from it.</param>
internal sealed record VariableNode(int Line, List<string> Names) : Node(Line)
{
    public override string ToString() => string.Join(".", Names);
}

/// <summary>Fields read from the result of an operand that is not a field or variable, as in <c>(index .A 0).B</c>.</summary>
internal sealed record ChainNode(int Line, Node Operand, List<string> Fields) : Node(Line)
{
    public override string ToString() => (Operand is PipeNode ? $"({Operand})" : Operand.ToString()) + "." + string.Join(".", Fields);
}

internal sealed record DotNode(int Line) : Node(Line)
{
    public override string ToString() => ".";
}

internal sealed record IdentifierNode(int Line, string Name) : Node(Line)
{
    public override string ToString() => Name;
}

internal sealed record LiteralNode(int Line, object? Value, string Text) : Node(Line)
{
    public override string ToString() => Text;
}
