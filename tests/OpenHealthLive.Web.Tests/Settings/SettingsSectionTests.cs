using Microsoft.Extensions.Logging;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Settings;

/// <summary>
/// One section per feature, each checked at start-up; the keys of the old <c>Live</c> section (and the write limits
/// once kept under <c>Questions</c>) still work for deployments that set them, with a warning naming the new key.
/// </summary>
public sealed class SettingsSectionTests
{
    [Theory]
    [InlineData("Decks:DefaultDeck", "Not a deck!")]
    [InlineData("Join:DefaultSessionCode", "IL0")]
    [InlineData("Cluster:StateHeartbeatSeconds", "-1")]
    [InlineData("Cluster:CacheMilliseconds", "0")]
    [InlineData("PublicAddress:BaseUrl", "not an address")]
    [InlineData("AudienceLimits:QuestionsPerDevicePerMinute", "0")]
    [InlineData("AudienceLimits:MaxConnectionsPerAddress", "0")]
    public void A_bad_value_in_a_section_stops_start_up_naming_the_key(string key, string value)
    {
        using var factory = new OpenHealthLiveFactory();
        factory.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(key, Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_Live_key_still_takes_effect_and_warns_with_its_new_name()
    {
        using var factory = new OpenHealthLiveFactory();
        factory.Settings.Remove("Decks:DefaultDeck");
        factory.Settings["Live:DefaultDeck"] = "open-healthcare";
        factory.Settings["Live:PublicBaseUrl"] = "https://live.example.org";
        factory.Settings["Live:NodeName"] = "old-name";
        factory.Settings["Questions:QuestionsPerDevicePerMinute"] = "7";

        using var client = factory.CreateClient();

        var session = await factory.GetService<LiveSessionService>().FindAsync(OpenHealthLiveFactory.DefaultCode, CancellationToken.None);
        Assert.Equal("open-healthcare", session!.DeckSlug);
        Assert.Equal(new Uri("https://live.example.org/"), factory.GetService<PublicAddress>().BaseUrl(request: null));
        Assert.Equal("old-name", factory.GetService<NodeTopology>().NodeName);
        var warnings = factory.Logs.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Single(warnings, w => w.Contains("Live:DefaultDeck", StringComparison.Ordinal) && w.Contains("Decks:DefaultDeck", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.Contains("Live:PublicBaseUrl", StringComparison.Ordinal) && w.Contains("PublicAddress:BaseUrl", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.Contains("Live:NodeName", StringComparison.Ordinal) && w.Contains("Cluster:NodeName", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.Contains("Questions:QuestionsPerDevicePerMinute", StringComparison.Ordinal) && w.Contains("AudienceLimits:QuestionsPerDevicePerMinute", StringComparison.Ordinal));
    }

    [Fact]
    public void An_old_write_limit_key_is_read_and_checked_as_the_new_one_would_be()
    {
        using var factory = new OpenHealthLiveFactory();
        factory.Settings["Questions:QuestionsPerDevicePerMinute"] = "0";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("QuestionsPerDevicePerMinute", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_key_wins_over_the_old_one()
    {
        using var factory = new OpenHealthLiveFactory();
        factory.Settings["Live:DefaultDeck"] = "getting-started";
        factory.Settings["Decks:DefaultDeck"] = "open-healthcare";
        factory.Settings["Live:PublicBaseUrl"] = "https://old.example.org";
        factory.Settings["PublicAddress:BaseUrl"] = "https://new.example.org";
        factory.Settings["Live:NodeName"] = "old-name";
        factory.Settings["Cluster:NodeName"] = "new-name";

        using var client = factory.CreateClient();

        var session = await factory.GetService<LiveSessionService>().FindAsync(OpenHealthLiveFactory.DefaultCode, CancellationToken.None);
        Assert.Equal("open-healthcare", session!.DeckSlug);
        Assert.Equal(new Uri("https://new.example.org/"), factory.GetService<PublicAddress>().BaseUrl(request: null));
        Assert.Equal("new-name", factory.GetService<NodeTopology>().NodeName);
    }

    [Fact]
    public void Every_copy_of_shared_state_on_a_node_lives_as_long_as_the_one_cluster_setting_says()
    {
        using var factory = new OpenHealthLiveFactory();
        factory.Settings["Cluster:CacheMilliseconds"] = "250";

        using var client = factory.CreateClient();

        Assert.Equal(TimeSpan.FromMilliseconds(250), factory.GetService<NodeTopology>().CacheLifetime);
    }

    [Fact]
    public void A_node_with_only_new_keys_logs_no_warning_about_old_ones()
    {
        using var factory = new OpenHealthLiveFactory();

        using var client = factory.CreateClient();

        Assert.DoesNotContain(factory.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("Live:", StringComparison.Ordinal));
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(Messages));
            }
        }

        return string.Join("\n", messages);
    }
}
