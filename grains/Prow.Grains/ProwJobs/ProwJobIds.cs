using System.Security.Cryptography;
using System.Text;

namespace Prow.Grains.ProwJobs;

/// <summary>
/// ProwJob ids derived from what caused them (the delivery and the job), so a replayed webhook creates the same
/// ProwJob again (a no-op) instead of a duplicate. Shaped like the UUIDs Prow uses.
/// </summary>
public static class ProwJobIds
{
    public static string For(string cause, string jobName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{cause}\n{jobName}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
