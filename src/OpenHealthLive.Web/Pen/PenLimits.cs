using Microsoft.Extensions.Options;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Pen;

/// <summary>
/// Rate limits on the pen, keyed on the sign-in (its id is in the signed cookie and checked against the database at
/// every call), so no new connection or copied header resets them. Per node, in memory, like every other limit here.
/// </summary>
public sealed class PenLimits(IOptions<PenOptions> options, TimeProvider time)
{
    private readonly TokenBuckets _pieces = new(options.Value.PiecesPerMinute, TimeSpan.FromMinutes(1), time);
    private readonly TokenBuckets _changes = new(options.Value.ChangesPerMinute, TimeSpan.FromMinutes(1), time);

    /// <summary>Takes a permit for a piece of a stroke drawn by <paramref name="writer"/>.</summary>
    public bool TryTakePiece(string writer, out TimeSpan retryAfter) => _pieces.TryTake(writer, out retryAfter);

    /// <summary>Takes a permit for a finished stroke, an erasure or a clear by <paramref name="writer"/>.</summary>
    public bool TryTakeChange(string writer, out TimeSpan retryAfter) => _changes.TryTake(writer, out retryAfter);

    /// <summary>What a console that draws too quickly is told.</summary>
    public static string TooQuickly(TimeSpan retryAfter)
    {
        return $"The pen is drawing too quickly. Wait {RetryAfter.Phrase(retryAfter)}, then draw again.";
    }
}
