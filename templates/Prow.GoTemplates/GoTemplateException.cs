namespace Prow.GoTemplates;

/// <summary>A template that does not parse or does not execute, with Go's "template: NAME:LINE: ..." prefix.</summary>
public sealed class GoTemplateException(string message) : Exception(message);
