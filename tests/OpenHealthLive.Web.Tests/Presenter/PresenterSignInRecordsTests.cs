using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Tests.Infrastructure;
using OpenHealthLive.Web.Tests.Security;

namespace OpenHealthLive.Web.Tests.Presenter;

/// <summary>The recorded sign-ins behind the presenter cookie: expiry, purging, and the throttle's idea of an address.</summary>
public sealed class PresenterSignInRecordsTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task A_sign_in_past_its_recorded_end_no_longer_opens_the_console_even_with_a_fresh_cookie()
    {
        using var laptop = new Browser(_factory.CreatePlainClient());
        using (await laptop.SignInAsync(OpenHealthLiveFactory.PresenterKey))
        {
        }

        using (var before = await laptop.GetAsync("/presenter"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var db = await Db().CreateDbContextAsync())
        {
            var signIn = await db.PresenterSignIns.SingleAsync();
            signIn.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        using var after = await laptop.GetAsync("/presenter");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Null(laptop.Cookie(PresenterAuthentication.CookieName));
    }

    [Fact]
    public async Task Expired_and_revoked_sign_ins_are_deleted_a_day_later_and_live_ones_are_kept()
    {
        // The background sweep (which purges too) stays out of the way.
        _factory.Settings["Presenter:SignOutSweepSeconds"] = "60";
        var now = DateTimeOffset.UtcNow;
        await using (var db = await Db().CreateDbContextAsync())
        {
            db.PresenterSignIns.AddRange(
                new PresenterSignInRecord { Id = "live", CreatedAt = now.AddHours(-1), ExpiresAt = now.AddHours(11) },
                new PresenterSignInRecord { Id = "expired-an-hour-ago", CreatedAt = now.AddHours(-13), ExpiresAt = now.AddHours(-1) },
                new PresenterSignInRecord { Id = "expired-two-days-ago", CreatedAt = now.AddDays(-3), ExpiresAt = now.AddDays(-2) },
                new PresenterSignInRecord { Id = "revoked-an-hour-ago", CreatedAt = now.AddHours(-2), ExpiresAt = now.AddHours(10), RevokedAt = now.AddHours(-1) },
                new PresenterSignInRecord { Id = "revoked-two-days-ago", CreatedAt = now.AddDays(-2), ExpiresAt = now.AddDays(5), RevokedAt = now.AddDays(-2) });
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await _factory.GetService<PresenterSignIns>().PurgeAsync(CancellationToken.None));

        await using var after = await Db().CreateDbContextAsync();
        Assert.Equal(["expired-an-hour-ago", "live", "revoked-an-hour-ago"], (await after.PresenterSignIns.Select(s => s.Id).ToListAsync()).Order());
    }

    [Fact]
    public async Task When_the_database_refuses_writes_sign_out_says_it_did_not_happen_and_sign_in_says_why_it_failed()
    {
        using var laptop = new Browser(_factory.CreatePlainClient());
        using (await laptop.SignInAsync(OpenHealthLiveFactory.PresenterKey))
        {
        }

        _factory.Writes.Failing = true;
        using (var signOut = await laptop.SignOutAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            Assert.Equal("/presenter", signOut.Headers.Location?.OriginalString);
        }

        using (var console = await laptop.GetAsync("/presenter"))
        {
            Assert.Equal(HttpStatusCode.OK, console.StatusCode);
            Assert.Contains("Not signed out", await console.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var other = new Browser(_factory.CreatePlainClient());
        using var signIn = await other.SignInAsync(OpenHealthLiveFactory.PresenterKey);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
        Assert.Contains("cannot record the sign-in", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(other.Cookie(PresenterAuthentication.CookieName));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void The_throttle_counts_an_IPv6_slash_64_as_one_address(string address, string expected) =>
        Assert.Equal(expected, ClientAddress.Key(IPAddress.Parse(address)));

    public void Dispose() => _factory.Dispose();

    private IDbContextFactory<LiveDbContext> Db()
    {
        using (_factory.CreatePlainClient())
        {
            // Starts the app, so the database exists.
        }

        return _factory.GetService<IDbContextFactory<LiveDbContext>>();
    }
}
