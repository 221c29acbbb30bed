using Prow.GoTemplates;

namespace Prow.Config.Yaml;

/// <summary>A field holding a Go template: parsed when the config loads, as Prow does, so a broken one is reported with its file and line.</summary>
internal static class GoTemplateField
{
    public static string? Read(MapReader m, string key, string templateName)
    {
        var text = m.Str(key);
        Check(m, key, templateName, text);
        return text;
    }

    public static void Check(MapReader m, string key, string templateName, string? text)
    {
        if (text is null)
        {
            return;
        }

        try
        {
            GoTemplate.Parse(templateName, text);
        }
        catch (GoTemplateException ex)
        {
            m.Ctx.Error(m.LineOf(key), m.FieldPath(key), ex.Message);
        }
    }
}
