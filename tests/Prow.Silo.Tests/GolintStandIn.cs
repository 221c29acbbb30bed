namespace Prow.Silo.Tests;

/// <summary>
/// A <c>golint</c> on a PATH of its own for the golint plugin's tests (golint is not packaged for these machines): a
/// shell script that prints what golint prints, "file:line:column: text", for each exported function without a doc
/// comment, and fails as golint does on a file holding <c>SYNTAX ERROR</c>. It records the arguments it was given.
/// </summary>
internal sealed class GolintStandIn : IDisposable
{
    private readonly TempFolder _folder = new();

    private GolintStandIn()
    {
    }

    /// <summary>A PATH holding only the stand-in.</summary>
    public string PathVariable => _folder.Path;

    public string Binary => Path.Combine(_folder.Path, "golint");

    /// <summary>Every argument list the stand-in was run with, one line each.</summary>
    public IReadOnlyList<string> Runs => File.Exists(RunsFile) ? File.ReadAllLines(RunsFile) : [];

    private string RunsFile => Path.Combine(_folder.Path, "runs.txt");

    public static GolintStandIn Create()
    {
        var standIn = new GolintStandIn();
        File.WriteAllText(standIn.Binary, $$"""
            #!/bin/sh
            echo "$*" >> '{{standIn.RunsFile}}'
            file="$3"
            if grep -q 'SYNTAX ERROR' "$file"; then
              echo "$file:2:1: expected declaration, found 'for'" >&2
              exit 1
            fi
            prev=""
            n=0
            while IFS= read -r line || [ -n "$line" ]; do
              n=$((n+1))
              case "$line" in
                func\ [A-Z]*)
                  case "$prev" in
                    //*) ;;
                    *) name=$(echo "$line" | sed 's/^func \([A-Za-z0-9_]*\).*/\1/')
                       echo "$file:$n:1: exported function $name should have comment or be unexported" ;;
                  esac ;;
              esac
              prev="$line"
            done < "$file"
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(standIn.Binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return standIn;
    }

    public void Dispose() => _folder.Dispose();
}
