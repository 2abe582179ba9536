using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>
/// With watching on (Development), a change to any file of a deck, at any depth and of any kind (written, created,
/// deleted, renamed), drops the deck from the cache and raises <see cref="DeckCatalog.DeckChanged"/> once the burst
/// of changes has settled. The real file-system watcher runs; the settle delay runs on a fake clock, which each test
/// moves on once the catalog has set its settle timer (or fails after a generous while with none set).
/// </summary>
public sealed class DeckWatchingTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SignallingTimeProvider _time = new();
    private readonly RecordingLogger<DeckCatalog> _log = new();
    private readonly ConcurrentQueue<string> _changed = new();
    private readonly DeckCatalog _catalog;

    public DeckWatchingTests()
    {
        WriteDeck("alpha", "Alpha");
        _temp.WriteFile("content/alpha/img/photo.png", "not really a picture");
        _catalog = new DeckCatalog(_temp.Combine("content"), watchForChanges: true, _log, _time);
        _catalog.DeckChanged += (_, e) => _changed.Enqueue(e.Slug);
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Editing_deck_md_drops_the_deck_and_the_next_read_sees_the_edit()
    {
        Assert.Equal("Alpha", _catalog.Get("alpha").Deck!.Metadata.Title);

        WriteDeck("alpha", "Edited");

        Assert.Equal(["alpha"], await WaitForChangesAsync());
        Assert.Equal("Edited", _catalog.Get("alpha").Deck!.Metadata.Title);
        Assert.Contains((LogLevel.Information, "Deck 'alpha' changed on disk; it will be reloaded on next use"), _log.Entries);
    }

    public static TheoryData<string> Changes => new()
    {
        "create",
        "delete",
        "rename",
        "append",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Every_kind_of_change_to_a_file_in_a_deck_s_sub_folder_is_seen(string change)
    {
        _catalog.Get("alpha");
        var photo = _temp.Combine("content/alpha/img/photo.png");

        switch (change)
        {
            case "create":
                // A folder, not a file: writing a new file is also a change, which would hide a missed creation.
                Directory.CreateDirectory(_temp.Combine("content/alpha/img/more"));
                break;
            case "delete":
                File.Delete(photo);
                break;
            case "rename":
                File.Move(photo, _temp.Combine("content/alpha/img/renamed.png"));
                break;
            default:
                File.AppendAllText(photo, " and more");
                break;
        }

        Assert.Equal(["alpha"], await WaitForChangesAsync());
    }

    [Fact]
    public async Task A_change_outside_any_well_named_deck_folder_is_not_a_deck_change()
    {
        _temp.WriteFile("content/Not A Deck/deck.md", "# Ignored");
        _temp.WriteFile("content/loose.md", "# Ignored");

        // The watcher reports changes in order: a timer set for either other change would be the first one set.
        WriteDeck("alpha", "Edited");

        Assert.Equal(["alpha"], await WaitForChangesAsync());
    }

    [Fact]
    public void A_deck_s_errors_and_warnings_are_logged_at_their_own_levels_when_it_is_read()
    {
        _temp.WriteFile("content/beta/deck.md", TestDecks.Lines("---", "title: Beta", "colour: blue", "---", "# One", "", "![A photo](lost.png)"));

        Assert.False(_catalog.Get("beta").Succeeded);

        Assert.Equal(
            [LogLevel.Warning, LogLevel.Error],
            _log.Entries.Where(e => e.Message.StartsWith("Deck 'beta': ", StringComparison.Ordinal)).Select(e => e.Level));
    }

    [Fact]
    public void Watching_a_content_folder_that_does_not_exist_is_no_error()
    {
        using var catalog = new DeckCatalog(_temp.Combine("nowhere"), watchForChanges: true, _log, _time);

        Assert.Empty(catalog.ListSlugs());
    }

    /// <summary>
    /// Waits until the catalog sets its settle timer (the watcher's events arrive on their own thread), then moves the
    /// fake clock past the settle delay until the deck changes are raised.
    /// </summary>
    private async Task<string[]> WaitForChangesAsync()
    {
        Assert.True(await _time.TimerCreated.WaitAsync(TimeSpan.FromSeconds(20)), "the catalog set no settle timer: no change was seen");

        // The timer is armed just after it is made, on the watcher's thread: move the clock on until it has fired.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            _time.Advance(TimeSpan.FromMilliseconds(300));
            await Task.Yield();
        }
        while (_changed.IsEmpty && DateTime.UtcNow < deadline);

        return [.. _changed.Distinct()];
    }

    /// <summary>A fake clock that says when a timer is set on it.</summary>
    private sealed class SignallingTimeProvider : FakeTimeProvider
    {
        public SemaphoreSlim TimerCreated { get; } = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.Release();
            return timer;
        }
    }

    private string WriteDeck(string slug, string title) =>
        _temp.WriteFile($"content/{slug}/deck.md", TestDecks.Lines("---", $"title: {title}", "---", $"# {title}"));
}
