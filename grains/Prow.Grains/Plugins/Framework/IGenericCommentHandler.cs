namespace Prow.Grains.Plugins.Framework;

/// <summary>Reacts to text written on an issue or pull request: comments, review bodies, descriptions.</summary>
public interface IGenericCommentHandler
{
    Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment);
}
