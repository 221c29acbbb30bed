namespace Prow.GoTemplates.Parsing;

/// <param name="Value">The token's text; for strings and chars the decoded value.</param>
/// <param name="SpaceBefore">Whether white space separates it from the previous token: <c>.A.B</c> is one chain, <c>.A .B</c> two arguments.</param>
internal readonly record struct Token(TokenKind Kind, string Value, int Line, bool SpaceBefore = false);
