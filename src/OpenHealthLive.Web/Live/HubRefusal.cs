using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Refusals;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Hub calls refused on purpose. SignalR carries only a <see cref="HubException"/>'s message to the caller, so the
/// refusal's stable code travels at its start, before the English sentence: <c>[code] Sentence.</c> or, with numbers
/// the sentence names, <c>[code:500:512] Sentence.</c> (docs/languages.md lists the codes; Assets/js/refusal.js reads
/// them). The log gets only the kind of refusal, through <see cref="RefusalLog"/>, from the exception's
/// <see cref="Exception.Data"/>.
/// </summary>
public static class HubRefusal
{
    public const string NotPresenter = "not-presenter";
    public const string SignInEnded = "sign-in-ended";
    public const string NotAllowed = "not-allowed";
    public const string RateLimited = "rate-limit";
    public const string NoDevice = "no-device";
    public const string UnknownSession = RefusalCodes.UnknownSession;
    public const string Invalid = RefusalCodes.Invalid;

    /// <summary>A language tag that cannot be one (too long); argument: the limit.</summary>
    public const string BadLanguage = "bad-language";

    /// <summary>An order of the questions other than top or newest.</summary>
    public const string BadOrder = "bad-order";

    /// <summary>A write from a phone a moderator blocked: logged as such, answered like a busy network (see <see cref="HubErrorFilter"/>).</summary>
    public const string Blocked = "blocked";

    /// <summary>The code of a write the server could not store yet: the one refusal a client should send again.</summary>
    public const string NotSaved = "not-saved";

    private const string KindKey = "ohl.refusal";

    /// <summary>A refusal of kind <paramref name="kind"/>, which is also its code, that tells the caller <paramref name="message"/>.</summary>
    public static HubException Create(string kind, string message, Exception? inner = null) => Create(kind, kind, message, [], inner);

    /// <summary>
    /// A refusal logged as <paramref name="kind"/> that reaches the caller as <paramref name="code"/> with its
    /// <paramref name="arguments"/> and the English <paramref name="message"/>.
    /// </summary>
    public static HubException Create(string kind, string code, string message, IReadOnlyList<int> arguments, Exception? inner = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var token = arguments.Count == 0 ? code : code + ":" + string.Join(':', arguments.Select(a => a.ToString(CultureInfo.InvariantCulture)));
        var refusal = new HubException($"[{token}] {message}", inner);
        refusal.Data[KindKey] = kind;
        return refusal;
    }

    /// <summary>The refusal for a request Core's rules turned down, with Core's code.</summary>
    public static HubException From(RequestRefusedException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return Create(Invalid, refused.Code, refused.Message, refused.Arguments, refused);
    }

    /// <summary>True when <paramref name="exception"/> was made here, so its message starts with a code.</summary>
    public static bool HasCode(HubException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Data[KindKey] is string;
    }

    /// <summary>The kind a refusal was made with, or <see cref="Invalid"/> for any other <see cref="HubException"/>.</summary>
    public static string KindOf(HubException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Data[KindKey] as string ?? Invalid;
    }
}
