using System.Security.Claims;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// A signed-in member of staff, read from the sign-in cookie's claims: the organiser (every session) or a speaker,
/// moderator or captioner of one session. <see cref="Can(StaffRight, string?)"/> is the one rule for what each may do; pages, endpoints and the
/// hub ask it at every request and call.
/// </summary>
/// <param name="Role">The role.</param>
/// <param name="SessionCode">The one session a speaker or moderator acts on; null for the organiser.</param>
/// <param name="SignInId">The recorded sign-in (<see cref="PresenterSignIns"/>).</param>
public sealed record StaffMember(StaffRole Role, string? SessionCode, string? SignInId)
{
    public const string RoleClaim = "ohl:staff-role";
    public const string SessionClaim = "ohl:session";

    /// <summary>The staff member <paramref name="user"/> is, or null for anyone else.</summary>
    public static StaffMember? Of(ClaimsPrincipal? user)
    {
        if (!PresenterAuthentication.IsPresenter(user))
        {
            return null;
        }

        // A sign-in made before roles existed was made with the key: the organiser.
        var role = Parse(user?.FindFirstValue(RoleClaim)) ?? StaffRole.Organiser;
        var session = user?.FindFirstValue(SessionClaim);
        return role != StaffRole.Organiser && session is null ? null : new(role, role == StaffRole.Organiser ? null : session, PresenterAuthentication.SignInId(user));
    }

    /// <summary>True when <paramref name="user"/> may do <paramref name="permission"/> with the session <paramref name="sessionCode"/>.</summary>
    public static bool Can(ClaimsPrincipal? user, StaffRight permission, string? sessionCode) =>
        Of(user)?.Can(permission, sessionCode) ?? false;

    /// <summary>
    /// True when this member may do <paramref name="permission"/> with the session <paramref name="sessionCode"/>
    /// (any case; for <see cref="StaffRight.Organise"/> the session does not matter).
    /// </summary>
    public bool Can(StaffRight permission, string? sessionCode)
    {
        if (Role == StaffRole.Organiser)
        {
            return true;
        }

        if (permission == StaffRight.Organise || !JoinCode.TryNormalize(sessionCode, out var code, out _) || !string.Equals(code, SessionCode, StringComparison.Ordinal))
        {
            return false;
        }

        return permission switch
        {
            StaffRight.Drive => Role == StaffRole.Speaker,
            StaffRight.Caption => Role is StaffRole.Speaker or StaffRole.Captioner,
            // A captioner sees what the room sees, through the caption console: not the notes, the slides ahead or held questions.
            _ => Role is StaffRole.Speaker or StaffRole.Moderator,
        };
    }

    /// <summary>The role's name as stored and shown: <c>organiser</c>, <c>speaker</c>, <c>moderator</c>, <c>captioner</c>.</summary>
    public static string Name(StaffRole role) => role switch
    {
        StaffRole.Speaker => "speaker",
        StaffRole.Moderator => "moderator",
        StaffRole.Captioner => "captioner",
        _ => "organiser",
    };

    /// <summary>The role a stored or claimed name stands for, or null.</summary>
    public static StaffRole? Parse(string? name) => name switch
    {
        "organiser" => StaffRole.Organiser,
        "speaker" => StaffRole.Speaker,
        "moderator" => StaffRole.Moderator,
        "captioner" => StaffRole.Captioner,
        _ => null,
    };
}
