namespace OpenHealthLive.Core.Storage;

/// <summary>
/// A speaker or moderator link of one session, made by the organiser and handed over: whoever has its secret can
/// sign in with that role for that session. Only the secret's hash is stored; the secret is shown once.
/// </summary>
public sealed class SessionGrantRecord
{
    /// <summary>A random identifier (hex), not secret.</summary>
    public required string Id { get; set; }

    /// <summary>The session the link signs in to.</summary>
    public required string SessionCode { get; set; }

    /// <summary><c>speaker</c> or <c>moderator</c>.</summary>
    public required string Role { get; set; }

    /// <summary>SHA-256 of the secret (hex).</summary>
    public required string SecretHash { get; set; }

    /// <summary>When the organiser made it.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was revoked; a revoked link signs nobody in, and its sign-ins end.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
