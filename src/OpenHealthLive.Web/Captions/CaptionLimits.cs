using Microsoft.Extensions.Options;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Captions;

/// <summary>
/// Rate limits on caption writes, keyed on what a client cannot forge: the sign-in (its id is in the signed cookie and
/// checked against the database at every call) for the console, the link for the HTTP endpoint. Wrong codes at the
/// endpoint are limited per address; a valid code is checked first, so a wrong-code flood from the venue's shared
/// address cannot lock the real captioner out. Per node, in memory, like every other rate limit here.
/// </summary>
public sealed class CaptionLimits(IOptions<CaptionsOptions> options, TimeProvider time)
{
    private readonly TokenBuckets _lines = new(options.Value.LinesPerMinute, TimeSpan.FromMinutes(1), time);
    private readonly TokenBuckets _drafts = new(options.Value.DraftsPerMinute, TimeSpan.FromMinutes(1), time);
    private readonly TokenBuckets _failures = new(options.Value.FailedTokensPerMinute, TimeSpan.FromMinutes(1), time);

    /// <summary>Takes <paramref name="count"/> permits for committed lines of <paramref name="writer"/>; the wait when refused (nothing taken then).</summary>
    public bool TryTakeLines(string writer, int count, out TimeSpan retryAfter) => TryTake(_lines, writer, count, out retryAfter);

    /// <summary>Takes a permit for a line in progress of <paramref name="writer"/>.</summary>
    public bool TryTakeDraft(string writer, out TimeSpan retryAfter) => _drafts.TryTake(writer, out retryAfter);

    /// <summary>True while <paramref name="address"/> has wrong codes left this minute.</summary>
    public bool TryTakeFailure(string address, out TimeSpan retryAfter) => _failures.TryTake(address, out retryAfter);

    /// <summary>What a writer that sends too much is told.</summary>
    public static string TooQuickly(TimeSpan retryAfter)
    {
        return $"Captions are coming too quickly. Wait {RetryAfter.Phrase(retryAfter)}, then send the line again.";
    }

    private static bool TryTake(TokenBuckets buckets, string key, int count, out TimeSpan retryAfter)
    {
        for (var taken = 0; taken < count; taken++)
        {
            if (!buckets.TryTake(key, out retryAfter))
            {
                for (var back = 0; back < taken; back++)
                {
                    buckets.Return(key);
                }

                return false;
            }
        }

        retryAfter = TimeSpan.Zero;
        return true;
    }
}
