using System.Text.RegularExpressions;

namespace Prow.Config.Owners;

/// <summary>
/// One parsed OWNERS file. A file without <c>filters</c> is one entry that matches every file
/// (Prow's SimpleConfig); with filters, each regex is matched against the path relative to the OWNERS directory.
/// </summary>
public sealed record OwnersFile(
    string Directory,
    bool NoParentOwners,
    bool AutoApproveUnownedSubfolders,
    IReadOnlyList<(Regex? Filter, OwnersEntry Entry)> Entries);
