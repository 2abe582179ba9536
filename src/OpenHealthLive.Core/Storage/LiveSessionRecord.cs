namespace OpenHealthLive.Core.Storage;

/// <summary>The stored row of a live session.</summary>
public sealed class LiveSessionRecord
{
    /// <summary>Primary key.</summary>
    public int Id { get; set; }

    /// <summary>Join code, normalised (upper case); unique.</summary>
    public required string Code { get; set; }

    /// <summary>The deck being presented.</summary>
    public required string DeckSlug { get; set; }

    /// <summary>The talk's title in the programme; the deck's title when unset.</summary>
    public string? Title { get; set; }

    /// <summary>Where the talk is given, as the programme names it (a room, a hall).</summary>
    public string? Room { get; set; }

    /// <summary>When the talk is due to start, for the programme.</summary>
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>True while the session is a rehearsal: "Go live" wipes what the rehearsal collected.</summary>
    public bool IsRehearsal { get; set; }

    /// <summary>True for the one session that exists from start-up.</summary>
    public bool IsDefault { get; set; }

    /// <summary>Current slide.</summary>
    public int Slide { get; set; }

    /// <summary>Current fragment.</summary>
    public int Fragment { get; set; }

    /// <summary>Grows with every change; also the optimistic-concurrency token.</summary>
    public long Version { get; set; }

    /// <summary>
    /// Furthest slide reached, as stored before <see cref="Shown"/> existed; read only to fill in <see cref="Shown"/> for
    /// such rows. Not a rule for what the audience may see.
    /// </summary>
    public int RevealedSlide { get; set; }

    /// <summary>Furthest fragment reached on <see cref="RevealedSlide"/>, as stored before <see cref="Shown"/> existed.</summary>
    public int RevealedFragment { get; set; }

    /// <summary>
    /// Every slide the room has been shown, with the furthest fragment shown on each, in the compact form of
    /// <see cref="Sessions.ShownSlides"/> (for example <c>0:0,1:2,7:0</c>). Null on rows from before it existed.
    /// </summary>
    public string? Shown { get; set; }

    /// <summary>When true, every new question waits for the presenter's approval.</summary>
    public bool PreModeration { get; set; }

    /// <summary>The question being answered now, shown large on the projector and highlighted on phones.</summary>
    public long? AnsweringQuestionId { get; set; }

    /// <summary>True while phones may not ask (stored as "closed" so that rows from before it existed read as open).</summary>
    public bool QuestionsClosed { get; set; }

    /// <summary>Slow mode: seconds a phone waits between two questions; 0 is off.</summary>
    public int SlowModeSeconds { get; set; }

    /// <summary>True while the speaker's timer runs.</summary>
    public bool TimerRunning { get; set; }

    /// <summary>Time on the timer before its current run, in milliseconds.</summary>
    public long TimerElapsedMs { get; set; }

    /// <summary>When the timer's current run started.</summary>
    public DateTimeOffset? TimerStartedAt { get; set; }

    /// <summary>When the session started.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the position last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When the presenter ended the talk (or the retention check ended it, idle); null while it runs. An ended talk
    /// takes no questions or votes, and its audience's data is deleted a retention period after this.
    /// </summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>When everything the audience sent was last deleted (an erase, or the retention period running out).</summary>
    public DateTimeOffset? AudienceDataErasedAt { get; set; }

    /// <summary>True when the presenter keeps the talk's captions after it ends; by default they are deleted at the end.</summary>
    public bool KeepCaptions { get; set; }

    /// <summary>True while the projector is blacked out.</summary>
    public bool ProjectorBlackout { get; set; }

    /// <summary>True while the projector shows the large join QR code over the slide.</summary>
    public bool ProjectorJoinOverlay { get; set; }

    /// <summary>True while the projector shows the caption bar under the slide.</summary>
    public bool ProjectorCaptions { get; set; }

    /// <summary>Grows with every change of the three above (its own count, so that a blackout does not make every phone join again).</summary>
    public long ProjectorRevision { get; set; }
}
