using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// Presenter sign-ins kept in the database, so that signing out ends a sign-in everywhere at once: every presenter
/// request and every presenter-only hub call asks <see cref="IsLiveAsync"/>. The database is the one truth, shared
/// by every node of a cluster; this node's open hub connections of an ended sign-in are closed here at once, and on
/// the other nodes by <see cref="SignInSweep"/> within seconds.
/// </summary>
public sealed partial class PresenterSignIns(
    IDbContextFactory<LiveDbContext> dbFactory, PresenterConnections connections, TimeProvider time, ILogger<PresenterSignIns> logger)
{
    /// <summary>How long an expired or revoked sign-in stays in the table before it is deleted.</summary>
    public static readonly TimeSpan PurgeAfter = TimeSpan.FromDays(1);

    /// <summary>
    /// Records a new sign-in that lasts <paramref name="lifetime"/>: the organiser's, or a speaker's or moderator's of
    /// one session through a link (<paramref name="grantId"/>); returns its id, for the cookie.
    /// </summary>
    public async Task<string> StartAsync(TimeSpan lifetime, CancellationToken cancellationToken, StaffRole role = StaffRole.Organiser, string? sessionCode = null, string? grantId = null)
    {
        var now = time.GetUtcNow();
        var record = new PresenterSignInRecord
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            Role = StaffMember.Name(role),
            SessionCode = sessionCode,
            GrantId = grantId,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.PresenterSignIns.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    /// <summary>True when the sign-in exists, has not expired and was not signed out. One read by primary key.</summary>
    public async Task<bool> IsLiveAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.PresenterSignIns.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return record is not null && IsLive(record, time.GetUtcNow());
    }

    /// <summary>Moves a live sign-in's end to <paramref name="expiresAt"/> (the cookie slid); false when it is no longer live.</summary>
    public async Task<bool> ExtendAsync(string id, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.PresenterSignIns.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (record is null || !IsLive(record, time.GetUtcNow()))
        {
            return false;
        }

        if (expiresAt > record.ExpiresAt)
        {
            record.ExpiresAt = expiresAt;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Signs one sign-in out, and closes its hub connections on this node.</summary>
    public async Task RevokeAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.PresenterSignIns.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { RevokedAt: null } record)
            {
                record.RevokedAt = time.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        var closed = connections.Close([id]);
        LogSignedOut(closed);
    }

    /// <summary>Signs every sign-in out ("sign out every device"), and closes every presenter connection on this node.</summary>
    public async Task<int> RevokeAllAsync(CancellationToken cancellationToken)
    {
        int revoked;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            var open = await db.PresenterSignIns.Where(s => s.RevokedAt == null).ToListAsync(cancellationToken);
            foreach (var record in open)
            {
                record.RevokedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            revoked = open.Count;
        }

        var closed = connections.CloseAll();
        LogSignedOutEverywhere(revoked, closed);
        return revoked;
    }

    /// <summary>Ends every sign-in made with the link <paramref name="grantId"/> (it was revoked), and closes their connections on this node.</summary>
    public async Task<int> RevokeGrantAsync(string grantId, CancellationToken cancellationToken)
    {
        List<string> ended;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            var open = await db.PresenterSignIns.Where(s => s.GrantId == grantId && s.RevokedAt == null).ToListAsync(cancellationToken);
            foreach (var record in open)
            {
                record.RevokedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            ended = open.Select(s => s.Id).ToList();
        }

        var closed = ended.Count == 0 ? 0 : connections.Close(ended);
        LogLinkRevoked(ended.Count, closed);
        return ended.Count;
    }

    /// <summary>Closes this node's hub connections whose sign-in has ended (elsewhere, or by expiry); returns how many.</summary>
    public async Task<int> CloseEndedAsync(CancellationToken cancellationToken)
    {
        var ids = connections.SignInIds();
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var live = (await db.PresenterSignIns.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken))
            .Where(s => IsLive(s, now)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var ended = ids.Where(id => !live.Contains(id)).ToList();
        return ended.Count == 0 ? 0 : connections.Close(ended);
    }

    /// <summary>Deletes sign-ins that expired or were revoked more than <see cref="PurgeAfter"/> ago; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - PurgeAfter;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // SQLite cannot compare DateTimeOffset in SQL; the table holds a few rows per day of talks.
        var stale = (await db.PresenterSignIns.AsNoTracking().ToListAsync(cancellationToken))
            .Where(s => s.ExpiresAt < before || s.RevokedAt < before).Select(s => s.Id).ToList();
        return stale.Count == 0 ? 0 : await db.PresenterSignIns.Where(s => stale.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private static bool IsLive(PresenterSignInRecord record, DateTimeOffset now) => record.RevokedAt is null && record.ExpiresAt > now;

    [LoggerMessage(Level = LogLevel.Information, Message = "A speaker or moderator link was revoked: ended {SignIns} sign-in(s) made with it, closed {Connections} hub connection(s) on this node")]
    private partial void LogLinkRevoked(int signIns, int connections);

    [LoggerMessage(Level = LogLevel.Information, Message = "A presenter signed out; closed {Connections} hub connection(s) of that sign-in on this node")]
    private partial void LogSignedOut(int connections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The presenter signed out every device: ended {SignIns} sign-in(s), closed {Connections} hub connection(s) on this node")]
    private partial void LogSignedOutEverywhere(int signIns, int connections);
}
