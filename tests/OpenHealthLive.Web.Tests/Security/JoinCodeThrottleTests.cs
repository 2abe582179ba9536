using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Join;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>The counting behind the join-code limits, on a clock the test moves.</summary>
public sealed class JoinCodeThrottleTests
{
    private const string Venue = "203.0.113.7";
    private const string Talk = "TESTAB";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_address_that_used_its_allowance_may_try_again_after_the_wait_it_was_told()
    {
        var throttle = Throttle(perIp: 6);
        Fail(throttle, Venue, 6);

        var refusal = throttle.Check(Venue, connection: null, "ZZZZ22");
        Assert.NotNull(refusal);
        // Six a minute: one more every 10 seconds.
        Assert.Equal(TimeSpan.FromSeconds(10), refusal.RetryAfter);
        Assert.Contains("wait 10 seconds", refusal.Message, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.NotNull(throttle.Check(Venue, connection: null, "ZZZZ22"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(throttle.Check(Venue, connection: null, "ZZZZ22"));
    }

    [Fact]
    public void A_code_the_address_joined_works_while_it_is_throttled_until_twelve_hours_after_its_last_use()
    {
        var throttle = Throttle(perIp: 2);
        throttle.Succeeded(Venue, connection: null, Talk);
        _clock.Advance(TimeSpan.FromHours(11));
        throttle.Succeeded(Venue, connection: null, Talk);
        Fail(throttle, Venue, 2);

        Assert.Null(throttle.Check(Venue, connection: null, Talk));
        Assert.NotNull(throttle.Check(Venue, connection: null, "ZZZZ22"));
        Assert.NotNull(throttle.Check(Venue, connection: null, code: null));

        _clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        Fail(throttle, Venue, 2);
        Assert.Null(throttle.Check(Venue, connection: null, Talk));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Fail(throttle, Venue, 2);
        Assert.NotNull(throttle.Check(Venue, connection: null, Talk));
    }

    [Fact]
    public void A_connections_limit_is_its_own_and_its_failures_count_for_its_address_too()
    {
        var throttle = Throttle(perConnection: 3, perIp: 5);
        var first = throttle.NewConnectionEntry();
        var second = throttle.NewConnectionEntry();
        for (var i = 0; i < 3; i++)
        {
            throttle.Failed(Venue, first);
        }

        Assert.Contains("this connection", throttle.Check(Venue, first, "ZZZZ22")?.Message, StringComparison.Ordinal);
        Assert.Null(throttle.Check(Venue, second, "ZZZZ22"));

        throttle.Failed(Venue, second);
        throttle.Failed(Venue, second);
        Assert.Contains("your network", throttle.Check(Venue, second, "ZZZZ22")?.Message, StringComparison.Ordinal);
        Assert.Null(throttle.Check("198.51.100.1", throttle.NewConnectionEntry(), "ZZZZ22"));
    }

    [Fact]
    public void Beyond_the_addresses_it_can_track_new_addresses_share_one_strict_allowance_instead_of_none()
    {
        var throttle = Throttle(perIp: 3);
        for (var i = 0; i < JoinCodeThrottle.MaxAddresses; i++)
        {
            throttle.Succeeded($"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}", connection: null, Talk);
        }

        Fail(throttle, "198.51.100.1", 2);
        Fail(throttle, "198.51.100.2", 1);

        Assert.NotNull(throttle.Check("198.51.100.3", connection: null, "ZZZZ22"));
        Assert.Null(throttle.Check("10.0.0.1", connection: null, "ZZZZ22"));
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    public void An_IPv6_client_counts_by_its_slash_64_and_a_mapped_IPv4_address_as_itself(string address, string key)
    {
        Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));
    }

    private JoinCodeThrottle Throttle(int perConnection = 10, int perIp = 30) =>
        new(Options.Create(new JoinCodeOptions { FailedLookupsPerConnectionPerMinute = perConnection, FailedLookupsPerIpPerMinute = perIp }), _clock, NullLogger<JoinCodeThrottle>.Instance);

    private static void Fail(JoinCodeThrottle throttle, string address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.Failed(address, connection: null);
        }
    }
}
