namespace Prow.Silo.Hosting;

/// <summary><c>--role</c>: what one <c>prow</c> process does in a cluster on PostgreSQL.</summary>
public enum ProwRole
{
    /// <summary>Everything in one process: the silo with the grains, <c>/hook</c> and the status site.</summary>
    All,

    /// <summary><c>/hook</c>, the status site and the inbox, as an Orleans client: no grains, no jobs.</summary>
    Gateway,

    /// <summary>An Orleans silo hosting the grains and running the jobs; no <c>/hook</c>.</summary>
    Worker,
}
