namespace Orleans.Runtime;

/// <param name="FirstTickTime">When the reminder first became due.</param>
/// <param name="Period">Its period.</param>
/// <param name="CurrentTickTime">The slot this tick stands for (a tick missed while down is delivered once, late, with its slot).</param>
public readonly record struct TickStatus(DateTime FirstTickTime, TimeSpan Period, DateTime CurrentTickTime);
