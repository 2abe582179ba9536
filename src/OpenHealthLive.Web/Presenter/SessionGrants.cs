using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// Speaker, moderator and captioner links of sessions. The organiser makes one, hands it over (it is shown once: only a hash of
/// its secret is kept), and whoever opens it signs in with that role for that session. Revoking a link ends every
/// sign-in made with it at once (<see cref="PresenterSignIns.RevokeGrantAsync"/>).
/// </summary>
public sealed partial class SessionGrants(IDbContextFactory<LiveDbContext> dbFactory, PresenterSignIns signIns, TimeProvider time, ILogger<SessionGrants> logger)
{
    /// <summary>Characters of a secret: the join codes' alphabet, which people can read aloud and type without mix-ups.</summary>
    public const int SecretLength = 20;

    /// <summary>Makes a link for <paramref name="role"/> (speaker, moderator or captioner) of <paramref name="sessionCode"/>; the secret is in the answer only.</summary>
    public async Task<IssuedGrant> IssueAsync(string sessionCode, StaffRole role, CancellationToken cancellationToken)
    {
        if (role == StaffRole.Organiser)
        {
            throw new ArgumentOutOfRangeException(nameof(role), "The organiser signs in with the presenter key, not a link.");
        }

        var secret = RandomNumberGenerator.GetString(JoinCode.Alphabet, SecretLength);
        var record = new SessionGrantRecord
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            SessionCode = sessionCode,
            Role = StaffMember.Name(role),
            SecretHash = Hash(secret),
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.SessionGrants.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        LogIssued(record.Role, sessionCode);
        return new(record.Id, sessionCode, role, Format(secret));
    }

    /// <summary>The live (not revoked) link whose secret was typed or opened, in any case and grouping; or null.</summary>
    public async Task<SessionGrantRecord?> FindLiveAsync(string? typed, CancellationToken cancellationToken)
    {
        if (Normalize(typed) is not { } secret)
        {
            return null;
        }

        var hash = Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SessionGrants.AsNoTracking().SingleOrDefaultAsync(g => g.SecretHash == hash && g.RevokedAt == null, cancellationToken);
    }

    /// <summary>The links of a session, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<SessionGrantRecord>> ListAsync(string sessionCode, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.SessionGrants.AsNoTracking().Where(g => g.SessionCode == sessionCode).ToListAsync(cancellationToken))
            .OrderByDescending(g => g.CreatedAt).ToList();
    }

    /// <summary>Revokes a link of <paramref name="sessionCode"/>: it signs nobody in any more, and the sign-ins made with it end now.</summary>
    /// <returns>False when the session has no such link.</returns>
    public async Task<bool> RevokeAsync(string sessionCode, string grantId, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var grant = await db.SessionGrants.SingleOrDefaultAsync(g => g.Id == grantId && g.SessionCode == sessionCode, cancellationToken);
            if (grant is null)
            {
                return false;
            }

            grant.RevokedAt ??= time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        await signIns.RevokeGrantAsync(grantId, cancellationToken);
        return true;
    }

    /// <summary>The secret as people type it: upper case, without spaces or dashes; null when it cannot be one.</summary>
    internal static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 64)
        {
            return null;
        }

        var secret = new StringBuilder(SecretLength);
        foreach (var c in typed)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!JoinCode.Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            secret.Append(upper);
        }

        return secret.Length == SecretLength ? secret.ToString() : null;
    }

    private static string Format(string secret) => string.Join('-', secret.Chunk(5).Select(part => new string(part)));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Role} link was made for session {SessionCode}")]
    private partial void LogIssued(string role, string sessionCode);
}

/// <summary>A link just made: <see cref="Secret"/> is shown to the organiser once and kept nowhere.</summary>
public sealed record IssuedGrant(string Id, string SessionCode, StaffRole Role, string Secret);
