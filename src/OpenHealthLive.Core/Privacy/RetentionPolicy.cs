namespace OpenHealthLive.Core.Privacy;

/// <summary>How long the audience's data is kept.</summary>
/// <param name="RetentionPeriod">How long after a talk ends everything its audience sent is deleted.</param>
/// <param name="EndIdleTalksAfter">
/// A talk whose slides have not moved for this long is ended automatically, so that a talk nobody ended is deleted too.
/// </param>
public sealed record RetentionPolicy(TimeSpan RetentionPeriod, TimeSpan EndIdleTalksAfter)
{
    /// <summary>When the audience's data of a talk that ended at <paramref name="endedAt"/> is deleted.</summary>
    public DateTimeOffset? DeleteAfter(DateTimeOffset? endedAt) => endedAt + RetentionPeriod;
}
