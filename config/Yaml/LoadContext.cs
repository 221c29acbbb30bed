using YamlDotNet.RepresentationModel;

namespace Prow.Config.Yaml;

/// <summary>The file being read and where its problems go.</summary>
internal sealed class LoadContext(string file, ProblemSink sink)
{
    public string File { get; } = file;

    public ProblemSink Sink { get; } = sink;

    public void Error(YamlNode node, string field, string message) =>
        Sink.Error(File, YamlValues.Line(node), field, message);

    public void Error(int line, string field, string message) => Sink.Error(File, line, field, message);

    public void Warning(YamlNode node, string field, string message) =>
        Sink.Warning(File, YamlValues.Line(node), field, message);

    /// <summary>Returns the node as a mapping, or reports a type error and returns null.</summary>
    public MapReader? Map(YamlNode? node, string field)
    {
        if (YamlValues.IsNull(node))
        {
            return null;
        }

        if (node is YamlMappingNode m)
        {
            return new MapReader(this, m, field);
        }

        Error(node!, field, $"expected a mapping, got {YamlValues.Kind(node!)}");
        return null;
    }

    /// <summary>Returns the items of a list, or reports a type error and returns none.</summary>
    public IReadOnlyList<YamlNode> Seq(YamlNode? node, string field)
    {
        if (YamlValues.IsNull(node))
        {
            return [];
        }

        if (node is YamlSequenceNode s)
        {
            return s.Children.ToList();
        }

        Error(node!, field, $"expected a list, got {YamlValues.Kind(node!)}");
        return [];
    }
}
