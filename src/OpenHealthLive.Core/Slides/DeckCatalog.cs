using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace OpenHealthLive.Core.Slides;

/// <summary>
/// The decks under the content folder. Each deck is parsed and rendered once, on first use, and cached;
/// when watching is on (Development), a change to a deck's files drops it from the cache and raises
/// <see cref="DeckChanged"/>.
/// </summary>
public sealed partial class DeckCatalog : IDisposable
{
    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(300);

    private readonly ConcurrentDictionary<string, Lazy<DeckLoadResult>> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ITimer> _pendingReloads = new(StringComparer.Ordinal);
    private readonly ILogger<DeckCatalog> _logger;
    private readonly TimeProvider _time;
    private readonly FileSystemWatcher? _watcher;

    /// <param name="contentPath">The folder holding one sub-folder per deck.</param>
    /// <param name="watchForChanges">Reload a deck when its files change (meant for Development).</param>
    /// <param name="logger">Receives every deck problem.</param>
    /// <param name="time">Clock for debouncing file changes.</param>
    public DeckCatalog(string contentPath, bool watchForChanges, ILogger<DeckCatalog> logger, TimeProvider time)
    {
        ContentPath = Path.GetFullPath(contentPath);
        _logger = logger;
        _time = time;
        if (watchForChanges && Directory.Exists(ContentPath))
        {
            _watcher = new FileSystemWatcher(ContentPath)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += OnFileChanged;
            _watcher.Created += OnFileChanged;
            _watcher.Deleted += OnFileChanged;
            _watcher.Renamed += OnFileChanged;
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>Raised with a deck's slug after its files changed and it was dropped from the cache.</summary>
    public event EventHandler<DeckChangedEventArgs>? DeckChanged;

    /// <summary>Full path of the content folder.</summary>
    public string ContentPath { get; }

    /// <summary>True when <paramref name="slug"/> is a well-formed deck folder name.</summary>
    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    /// <summary>The slugs of every folder that holds a <c>deck.md</c>, sorted.</summary>
    public IReadOnlyList<string> ListSlugs()
    {
        if (!Directory.Exists(ContentPath))
        {
            return [];
        }

        return Directory.EnumerateDirectories(ContentPath)
            .Where(d => File.Exists(Path.Combine(d, DeckParser.DeckFileName)))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsValidSlug)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>True when a deck folder with this slug exists.</summary>
    public bool Exists(string slug) =>
        IsValidSlug(slug) && File.Exists(Path.Combine(ContentPath, slug, DeckParser.DeckFileName));

    /// <summary>
    /// The deck, parsed on first use and then cached; failures are cached too, until the files change. A slug with no
    /// deck folder is not cached, so that made-up slugs cannot grow the cache and a deck added later is found. A deck once
    /// read is served from memory, even if its folder goes away, until the watcher (when on) drops it.
    /// </summary>
    public DeckLoadResult Get(string slug)
    {
        if (!IsValidSlug(slug))
        {
            return DeckLoadResult.Failure(slug ?? string.Empty,
                [new(DeckProblemSeverity.Error, slug ?? string.Empty, 0, "A deck name has only lower-case letters, digits and dashes.")]);
        }

        // Every phone's join and every slide change asks: a deck already read is answered from memory, without a
        // file-system call (the watcher, when on, drops a deck whose files change).
        if (_cache.TryGetValue(slug, out var cached))
        {
            return cached.Value;
        }

        if (!Exists(slug))
        {
            // Anyone can ask for /decks/{slug}/media/x with any slug: only real folders may take a cache entry.
            return DeckParser.Load(Path.Combine(ContentPath, slug));
        }

        return _cache.GetOrAdd(slug, s => new Lazy<DeckLoadResult>(() => LoadAndLog(s))).Value;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher?.Dispose();
        foreach (var timer in _pendingReloads.Values)
        {
            timer.Dispose();
        }
    }

    private DeckLoadResult LoadAndLog(string slug)
    {
        var result = DeckParser.Load(Path.Combine(ContentPath, slug));
        foreach (var problem in result.Problems)
        {
            if (problem.Severity == DeckProblemSeverity.Error)
            {
                LogDeckError(slug, problem.ToString());
            }
            else
            {
                LogDeckWarning(slug, problem.ToString());
            }
        }

        if (result.Deck is { } deck)
        {
            LogDeckLoaded(slug, deck.Slides.Count, deck.Fingerprint);
        }

        return result;
    }

    private void OnFileChanged(object sender, FileSystemEventArgs e)
    {
        var relative = Path.GetRelativePath(ContentPath, e.FullPath);
        var slug = relative.Split(Path.DirectorySeparatorChar, 2)[0];
        if (!IsValidSlug(slug))
        {
            return;
        }

        // Editors save in several steps (truncate, write, rename); wait until the burst is over.
        var timer = _pendingReloads.GetOrAdd(slug, s => _time.CreateTimer(_ => Reload(s), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(SettleDelay, Timeout.InfiniteTimeSpan);
    }

    private void Reload(string slug)
    {
        _cache.TryRemove(slug, out _);
        LogDeckChanged(slug);
        DeckChanged?.Invoke(this, new DeckChangedEventArgs(slug));
    }

    // \z, not $: in .NET, $ also matches before a final newline, so "deck\n" would pass.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [LoggerMessage(Level = LogLevel.Error, Message = "Deck '{Slug}': {Problem}")]
    private partial void LogDeckError(string slug, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deck '{Slug}': {Problem}")]
    private partial void LogDeckWarning(string slug, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deck '{Slug}' loaded: {SlideCount} slides (fingerprint {Fingerprint})")]
    private partial void LogDeckLoaded(string slug, int slideCount, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deck '{Slug}' changed on disk; it will be reloaded on next use")]
    private partial void LogDeckChanged(string slug);
}
