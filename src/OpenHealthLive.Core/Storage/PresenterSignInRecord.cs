namespace OpenHealthLive.Core.Storage;

/// <summary>
/// One sign-in of the organiser, a speaker or a moderator: the cookie names it, and it is checked on every presenter request and hub call, so
/// that signing out (or "sign out every device") revokes the cookie at once, even a copy of it. Holds no
/// address, device or browser detail.
/// </summary>
public sealed class PresenterSignInRecord
{
    /// <summary>A random identifier (hex), carried in the sign-in cookie.</summary>
    public required string Id { get; set; }

    /// <summary>When the key was entered.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the sign-in stops working on its own.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was signed out; a revoked sign-in never works again.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary><c>organiser</c> (signed in with the key), or <c>speaker</c> or <c>moderator</c> of one session (signed in with a link).</summary>
    public string Role { get; set; } = "organiser";

    /// <summary>The one session a speaker or moderator sign-in may act on; null for the organiser.</summary>
    public string? SessionCode { get; set; }

    /// <summary>The link (<see cref="SessionGrantRecord"/>) a speaker or moderator signed in with: revoking it ends this sign-in.</summary>
    public string? GrantId { get; set; }
}
