namespace Prow.Config.Plugins;

/// <summary>plugins.yaml <c>release_note</c>: where the release-note plugin sends people to read how to write one.</summary>
public sealed record ReleaseNoteConfig(string GuidelinesUrl = ReleaseNoteConfig.DefaultGuidelinesUrl)
{
    public const string DefaultGuidelinesUrl = "https://git.k8s.io/community/contributors/guide/release-notes.md";
}
