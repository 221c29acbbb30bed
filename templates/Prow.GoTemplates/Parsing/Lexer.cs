using System.Globalization;
using System.Text;

namespace Prow.GoTemplates.Parsing;

/// <summary>
/// Splits a template into text and the tokens of its actions, as Go's text/template lexer does: <c>{{- </c> and
/// <c> -}}</c> trim the white space beside them, <c>{{/* */}}</c> is a comment, and a field chain is told from
/// separate arguments by the space between them.
/// </summary>
internal sealed class Lexer(string name, string input)
{
    private const string LeftDelim = "{{";
    private const string RightDelim = "}}";

    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue",
    };

    private readonly List<Token> _tokens = [];
    private int _pos;
    private int _line = 1;

    public List<Token> Lex()
    {
        var trimNextText = false;
        while (_pos < input.Length)
        {
            var start = input.IndexOf(LeftDelim, _pos, StringComparison.Ordinal);
            var text = input[_pos..(start < 0 ? input.Length : start)];
            var trimThis = start >= 0 && HasLeftTrim(start + LeftDelim.Length);
            if (trimNextText)
            {
                text = text.TrimStart(' ', '\t', '\r', '\n');
            }

            if (trimThis)
            {
                text = text.TrimEnd(' ', '\t', '\r', '\n');
            }

            if (text.Length > 0)
            {
                _tokens.Add(new Token(TokenKind.Text, text, _line));
            }

            if (start < 0)
            {
                _line += Count(input.AsSpan(_pos), '\n');
                _pos = input.Length;
                break;
            }

            _line += Count(input.AsSpan(_pos, start - _pos), '\n');
            _pos = start + LeftDelim.Length + (trimThis ? 2 : 0);
            trimNextText = LexAction();
        }

        _tokens.Add(new Token(TokenKind.Eof, "", _line));
        return _tokens;
    }

    private bool HasLeftTrim(int at) => at + 1 < input.Length && input[at] == '-' && IsSpace(input[at + 1]);

    /// <summary>Lexes one action after its left delimiter; true when it ended with a right trim marker.</summary>
    private bool LexAction()
    {
        if (input.AsSpan(_pos).StartsWith("/*"))
        {
            var end = input.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                throw Error("unclosed comment");
            }

            _line += Count(input.AsSpan(_pos, end - _pos), '\n');
            _pos = end + 2;
            if (input.AsSpan(_pos).StartsWith(" -" + RightDelim))
            {
                _pos += 2 + RightDelim.Length;
                return true;
            }

            if (!input.AsSpan(_pos).StartsWith(RightDelim))
            {
                throw Error("comment ends before closing delimiter");
            }

            _pos += RightDelim.Length;
            return false;
        }

        _tokens.Add(new Token(TokenKind.LeftDelim, LeftDelim, _line));
        var parens = 0;
        var space = false;
        while (true)
        {
            if (_pos >= input.Length)
            {
                throw Error("unclosed action");
            }

            var c = input[_pos];
            if (IsSpace(c))
            {
                if (input.AsSpan(_pos + 1).StartsWith("-" + RightDelim))
                {
                    _line += c == '\n' ? 1 : 0;
                    _pos += 2 + RightDelim.Length;
                    Close(parens);
                    return true;
                }

                _line += c == '\n' ? 1 : 0;
                _pos++;
                space = true;
                continue;
            }

            if (input.AsSpan(_pos).StartsWith(RightDelim))
            {
                _pos += RightDelim.Length;
                Close(parens);
                return false;
            }

            var before = space;
            space = false;
            switch (c)
            {
                case '|':
                    Add(TokenKind.Pipe, "|", before, 1);
                    break;
                case '(':
                    parens++;
                    Add(TokenKind.LeftParen, "(", before, 1);
                    break;
                case ')':
                    if (--parens < 0)
                    {
                        throw Error("unexpected right paren");
                    }

                    Add(TokenKind.RightParen, ")", before, 1);
                    break;
                case ',':
                    Add(TokenKind.Comma, ",", before, 1);
                    break;
                case ':':
                    if (_pos + 1 >= input.Length || input[_pos + 1] != '=')
                    {
                        throw Error("expected :=");
                    }

                    Add(TokenKind.Declare, ":=", before, 2);
                    break;
                case '=':
                    Add(TokenKind.Assign, "=", before, 1);
                    break;
                case '"':
                    _tokens.Add(new Token(TokenKind.String, QuotedString(), _line, before));
                    break;
                case '`':
                    _tokens.Add(new Token(TokenKind.String, RawString(), _line, before));
                    break;
                case '\'':
                    _tokens.Add(new Token(TokenKind.Char, CharConstant(), _line, before));
                    break;
                case '$':
                    _tokens.Add(new Token(TokenKind.Variable, "$" + Word(_pos + 1), _line, before));
                    break;
                case '.' when _pos + 1 < input.Length && char.IsAsciiDigit(input[_pos + 1]):
                    _tokens.Add(new Token(TokenKind.Number, NumberText(), _line, before));
                    break;
                case '.':
                    var field = Word(_pos + 1);
                    _tokens.Add(new Token(field.Length == 0 ? TokenKind.Dot : TokenKind.Field, field.Length == 0 ? "." : field, _line, before));
                    break;
                case '+' or '-' when _pos + 1 < input.Length && (char.IsAsciiDigit(input[_pos + 1]) || input[_pos + 1] == '.'):
                    _tokens.Add(new Token(TokenKind.Number, NumberText(), _line, before));
                    break;
                default:
                    if (char.IsAsciiDigit(c))
                    {
                        _tokens.Add(new Token(TokenKind.Number, NumberText(), _line, before));
                    }
                    else if (IsWordChar(c))
                    {
                        var word = Word(_pos);
                        var kind = word switch
                        {
                            "true" or "false" => TokenKind.Bool,
                            "nil" => TokenKind.Nil,
                            _ when s_keywords.Contains(word) => TokenKind.Keyword,
                            _ => TokenKind.Identifier,
                        };
                        _tokens.Add(new Token(kind, word, _line, before));
                    }
                    else
                    {
                        throw Error($"unexpected \"{c}\" in command");
                    }

                    break;
            }
        }
    }

    private void Close(int parens)
    {
        if (parens > 0)
        {
            throw Error("unclosed left paren");
        }

        _tokens.Add(new Token(TokenKind.RightDelim, RightDelim, _line));
    }

    private void Add(TokenKind kind, string value, bool spaceBefore, int length)
    {
        _tokens.Add(new Token(kind, value, _line, spaceBefore));
        _pos += length;
    }

    /// <summary>The identifier starting at <paramref name="from"/>; moves past it.</summary>
    private string Word(int from)
    {
        var end = from;
        while (end < input.Length && IsWordChar(input[end]))
        {
            end++;
        }

        _pos = end;
        return input[from..end];
    }

    private string NumberText()
    {
        var start = _pos;
        if (input[_pos] is '+' or '-')
        {
            _pos++;
        }

        while (_pos < input.Length && (char.IsAsciiLetterOrDigit(input[_pos]) || input[_pos] is '.' or '_'
            || (input[_pos] is '+' or '-' && input[_pos - 1] is 'e' or 'E' or 'p' or 'P')))
        {
            _pos++;
        }

        return input[start.._pos];
    }

    private string QuotedString()
    {
        var text = new StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= input.Length || input[_pos] == '\n')
            {
                throw Error("unterminated quoted string");
            }

            var c = input[_pos++];
            if (c == '"')
            {
                return text.ToString();
            }

            if (c == '\\')
            {
                text.Append(Escape('"'));
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private string RawString()
    {
        var end = input.IndexOf('`', _pos + 1);
        if (end < 0)
        {
            throw Error("unterminated raw quoted string");
        }

        var text = input[(_pos + 1)..end];
        _line += Count(text, '\n');
        _pos = end + 1;
        return text.Replace("\r", "", StringComparison.Ordinal);
    }

    private string CharConstant()
    {
        _pos++;
        string value;
        if (_pos < input.Length && input[_pos] == '\\')
        {
            _pos++;
            value = Escape('\'');
        }
        else if (_pos < input.Length && input[_pos] != '\'')
        {
            var rune = Rune.GetRuneAt(input, _pos);
            value = rune.ToString();
            _pos += rune.Utf16SequenceLength;
        }
        else
        {
            throw Error("empty character constant");
        }

        if (_pos >= input.Length || input[_pos] != '\'')
        {
            throw Error("unterminated character constant");
        }

        _pos++;
        return value;
    }

    /// <summary>Decodes Go's escape after a backslash (already consumed).</summary>
    private string Escape(char quote)
    {
        if (_pos >= input.Length)
        {
            throw Error("unterminated quoted string");
        }

        var c = input[_pos++];
        switch (c)
        {
            case 'a': return "\a";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'v': return "\v";
            case '\\': return "\\";
            case 'x': return Hex(2);
            case 'u': return Hex(4);
            case 'U': return Hex(8);
            case >= '0' and <= '7':
                var octal = input.Substring(_pos - 1, 3);
                _pos += 2;
                return ((char)Convert.ToInt32(octal, 8)).ToString();
            default:
                if (c == quote)
                {
                    return c.ToString();
                }

                throw Error($"invalid syntax: unknown escape \\{c}");
        }
    }

    private string Hex(int digits)
    {
        if (_pos + digits > input.Length || !int.TryParse(input.AsSpan(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
        {
            throw Error("invalid syntax in escape");
        }

        _pos += digits;
        return char.ConvertFromUtf32(code);
    }

    private GoTemplateException Error(string message) => new($"template: {name}:{_line}: {message}");

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsWordChar(char c) => c == '_' || char.IsLetterOrDigit(c);

    private static int Count(ReadOnlySpan<char> text, char c) => text.Count(c);
}
