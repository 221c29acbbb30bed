using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Prow.Grains.Plugins.IssueManagement;

/// <summary>An issue named as <c>123</c> (this repository) or <c>org/repo#123</c>.</summary>
internal sealed record IssueReference(string Org, string Repo, int Number)
{
    public static bool TryParse(string text, string org, string repo, [NotNullWhen(true)] out IssueReference? reference)
    {
        reference = null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            reference = new IssueReference(org, repo, number);
            return true;
        }

        if (text.Split('#') is not [var orgRepo, var digits] || orgRepo.Split('/') is not [var otherOrg, var otherRepo]
            || !int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        reference = new IssueReference(otherOrg, otherRepo, number);
        return true;
    }

    /// <summary><c>#123</c> in its own repository, <c>org/repo#123</c> elsewhere.</summary>
    public string Format(string org, string repo) =>
        Org == org && Repo == repo ? $"#{Number}" : $"{Org}/{Repo}#{Number}";
}
