using Microsoft.AspNetCore.SignalR;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Hub calls refused on purpose. The caller gets a plain <see cref="HubException"/> with a clear message (clients
/// recognise the type name in what SignalR passes on); the log gets only the kind of refusal, through
/// <see cref="RefusalLog"/>, which reads it from the exception's <see cref="Exception.Data"/>.
/// </summary>
public static class HubRefusal
{
    public const string NotPresenter = "not-presenter";
    public const string SignInEnded = "sign-in-ended";
    public const string NotAllowed = "not-allowed";
    public const string RateLimited = "rate-limit";
    public const string NoDevice = "no-device";
    public const string UnknownSession = "unknown-session";
    public const string Invalid = "invalid";

    /// <summary>A write from a phone a moderator blocked: logged as such, answered like a busy network (see <see cref="HubErrorFilter"/>).</summary>
    public const string Blocked = "blocked";

    private const string KindKey = "ohl.refusal";

    /// <summary>A refusal of kind <paramref name="kind"/> that tells the caller <paramref name="message"/>.</summary>
    public static HubException Create(string kind, string message, Exception? inner = null)
    {
        var refusal = new HubException(message, inner);
        refusal.Data[KindKey] = kind;
        return refusal;
    }

    /// <summary>The kind a refusal was made with, or <see cref="Invalid"/> for any other <see cref="HubException"/>.</summary>
    public static string KindOf(HubException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Data[KindKey] as string ?? Invalid;
    }
}
