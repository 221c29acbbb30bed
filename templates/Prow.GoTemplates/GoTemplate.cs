using Prow.GoTemplates.Execution;
using Prow.GoTemplates.Parsing;

namespace Prow.GoTemplates;

/// <summary>
/// A parsed Go <c>text/template</c>, as Prow's configuration writes them (<c>plank.job_url_template</c>,
/// <c>report_templates</c>, Slack's <c>report_template</c>, plugin messages): fields, <c>if</c>/<c>else</c>/
/// <c>range</c>/<c>with</c>, pipelines, variables, <c>define</c>/<c>template</c>/<c>block</c> and Go's predefined
/// functions. Data is read as Go would see it: dictionaries are maps, other objects structs (see the README).
/// </summary>
public sealed class GoTemplate
{
    private static readonly IReadOnlyDictionary<string, Delegate> s_noFunctions = new Dictionary<string, Delegate>();

    private readonly IReadOnlyDictionary<string, ListNode> _templates;
    private readonly IReadOnlyDictionary<string, Delegate> _functions;

    private GoTemplate(string name, IReadOnlyDictionary<string, ListNode> templates, IReadOnlyDictionary<string, Delegate> functions)
    {
        Name = name;
        _templates = templates;
        _functions = functions;
    }

    public string Name { get; }

    /// <summary>Parses <paramref name="text"/>; a syntax error throws <see cref="GoTemplateException"/> with Go's message.</summary>
    /// <param name="functions">Functions added to Go's predefined ones, as <c>template.FuncMap</c>.</param>
    public static GoTemplate Parse(string name, string text, IReadOnlyDictionary<string, Delegate>? functions = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        functions ??= s_noFunctions;
        var tokens = new Lexer(name, text).Lex();
        var templates = new Parser(name, tokens, f => Builtins.Names.Contains(f) || functions.ContainsKey(f)).Parse();
        return new GoTemplate(name, templates, functions);
    }

    /// <summary>Renders the template over <paramref name="data"/>; an execution error throws <see cref="GoTemplateException"/>.</summary>
    public string Execute(object? data) => new Executor(Name, _templates, _functions).Run(data);
}
