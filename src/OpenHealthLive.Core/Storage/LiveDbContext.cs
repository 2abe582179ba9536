using Microsoft.EntityFrameworkCore;

namespace OpenHealthLive.Core.Storage;

/// <summary>
/// The database: sessions, questions, polls, captions, the pen's strokes and the keys that sign cookies. SQLite by default; PostgreSQL
/// through <see cref="Postgres.PostgresLiveDbContext"/>, which only carries its own migrations.
/// </summary>
public class LiveDbContext : DbContext
{
    /// <summary>Creates the SQLite context.</summary>
    public LiveDbContext(DbContextOptions<LiveDbContext> options)
        : base(options)
    {
    }

    /// <summary>For provider-specific subclasses.</summary>
    protected LiveDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Live sessions.</summary>
    public DbSet<LiveSessionRecord> Sessions => Set<LiveSessionRecord>();

    /// <summary>Audience questions.</summary>
    public DbSet<QuestionRecord> Questions => Set<QuestionRecord>();

    /// <summary>Upvotes of questions, one per device and question.</summary>
    public DbSet<QuestionVoteRecord> QuestionVotes => Set<QuestionVoteRecord>();

    /// <summary>Phones blocked by a moderator, per session.</summary>
    public DbSet<BlockedDeviceRecord> BlockedDevices => Set<BlockedDeviceRecord>();

    /// <summary>Poll states, one per session and deck poll.</summary>
    public DbSet<PollStateRecord> PollStates => Set<PollStateRecord>();

    /// <summary>Poll votes, one per device, poll and round.</summary>
    public DbSet<PollVoteRecord> PollVotes => Set<PollVoteRecord>();

    /// <summary>Presenter sign-ins, so that signing out revokes a cookie everywhere at once.</summary>
    public DbSet<PresenterSignInRecord> PresenterSignIns => Set<PresenterSignInRecord>();

    /// <summary>Speaker and moderator links of sessions.</summary>
    public DbSet<SessionGrantRecord> SessionGrants => Set<SessionGrantRecord>();

    /// <summary>Committed caption lines, each with the slide it was said on.</summary>
    public DbSet<CaptionRecord> Captions => Set<CaptionRecord>();

    /// <summary>The speaker's pen strokes, each with the slide it was drawn on.</summary>
    public DbSet<StrokeRecord> Strokes => Set<StrokeRecord>();

    /// <summary>Data-protection keys shared by every node.</summary>
    public DbSet<ProtectionKeyRecord> ProtectionKeys => Set<ProtectionKeyRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<LiveSessionRecord>(session =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            session.ToTable("Sessions");
            session.Property(s => s.Code).HasMaxLength(16);
            session.HasIndex(s => s.Code).IsUnique();
            session.Property(s => s.DeckSlug).HasMaxLength(64);
            session.Property(s => s.Version).IsConcurrencyToken();
            session.Property(s => s.Shown).HasMaxLength(8000);
            session.Property(s => s.Title).HasMaxLength(200);
            session.Property(s => s.Room).HasMaxLength(100);
        });

        modelBuilder.Entity<QuestionRecord>(question =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            question.ToTable("Questions");
            question.Property(q => q.SessionCode).HasMaxLength(16);
            question.Property(q => q.DeviceHash).HasMaxLength(64);
            question.Property(q => q.ClientId).HasMaxLength(64);
            question.Property(q => q.Text).HasMaxLength(500);
            question.Property(q => q.Author).HasMaxLength(40);
            question.Property(q => q.HeldReason).HasMaxLength(500);
            // A retried post (same device, same client-made id) finds the first one instead of adding a second.
            question.HasIndex(q => new { q.SessionCode, q.DeviceHash, q.ClientId }).IsUnique();
            question.HasIndex(q => new { q.SessionCode, q.Status });
        });

        modelBuilder.Entity<QuestionVoteRecord>(vote =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            vote.ToTable("QuestionVotes");
            vote.HasKey(v => new { v.QuestionId, v.DeviceHash });
            vote.Property(v => v.DeviceHash).HasMaxLength(64);
            vote.HasOne<QuestionRecord>().WithMany().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
            // "Forget me on this phone" finds a device's upvotes without reading every vote.
            vote.HasIndex(v => v.DeviceHash);
        });

        modelBuilder.Entity<BlockedDeviceRecord>(blocked =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            blocked.ToTable("BlockedDevices");
            blocked.Property(b => b.SessionCode).HasMaxLength(16);
            blocked.Property(b => b.DeviceHash).HasMaxLength(64);
            blocked.HasIndex(b => new { b.SessionCode, b.DeviceHash }).IsUnique();
        });

        modelBuilder.Entity<PollStateRecord>(poll =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            poll.ToTable("PollStates");
            poll.HasKey(p => new { p.SessionCode, p.PollId });
            poll.Property(p => p.SessionCode).HasMaxLength(16);
            poll.Property(p => p.PollId).HasMaxLength(64);
        });

        modelBuilder.Entity<PollVoteRecord>(vote =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            vote.ToTable("PollVotes");
            vote.Property(v => v.SessionCode).HasMaxLength(16);
            vote.Property(v => v.PollId).HasMaxLength(64);
            vote.Property(v => v.DeviceHash).HasMaxLength(64);
            vote.Property(v => v.ClientId).HasMaxLength(64);
            vote.Property(v => v.Answer).HasMaxLength(2000);
            // One vote per device and poll round, enforced by the database itself.
            vote.HasIndex(v => new { v.SessionCode, v.PollId, v.Round, v.DeviceHash }).IsUnique();
        });

        modelBuilder.Entity<PresenterSignInRecord>(signIn =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            signIn.ToTable("PresenterSignIns");
            signIn.Property(s => s.Id).HasMaxLength(64);
            signIn.Property(s => s.Role).HasMaxLength(16);
            signIn.Property(s => s.SessionCode).HasMaxLength(16);
            signIn.Property(s => s.GrantId).HasMaxLength(64);
            signIn.HasIndex(s => s.GrantId);
        });

        modelBuilder.Entity<SessionGrantRecord>(grant =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            grant.ToTable("SessionGrants");
            grant.Property(g => g.Id).HasMaxLength(64);
            grant.Property(g => g.SessionCode).HasMaxLength(16);
            grant.Property(g => g.Role).HasMaxLength(16);
            grant.Property(g => g.SecretHash).HasMaxLength(64);
            grant.HasIndex(g => g.SecretHash).IsUnique();
            grant.HasIndex(g => g.SessionCode);
        });

        modelBuilder.Entity<CaptionRecord>(caption =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            caption.ToTable("Captions");
            caption.Property(c => c.SessionCode).HasMaxLength(16);
            // Masks can be longer than what they replace: room for a line of nothing but short identifiers.
            caption.Property(c => c.Text).HasMaxLength(CaptionRecord.MaxTextLength);
            caption.HasIndex(c => new { c.SessionCode, c.Slide });
        });

        modelBuilder.Entity<StrokeRecord>(stroke =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            stroke.ToTable("Strokes");
            stroke.Property(s => s.SessionCode).HasMaxLength(16);
            stroke.Property(s => s.StrokeId).HasMaxLength(StrokeRecord.MaxStrokeIdLength);
            stroke.Property(s => s.Tool).HasMaxLength(16);
            stroke.Property(s => s.Colour).HasMaxLength(7);
            // "10000," per coordinate at most: a stroke of the most points fits.
            stroke.Property(s => s.Points).HasMaxLength(StrokeRecord.MaxPointsLength);
            stroke.HasIndex(s => new { s.SessionCode, s.StrokeId }).IsUnique();
            stroke.HasIndex(s => new { s.SessionCode, s.Slide });
        });

        modelBuilder.Entity<ProtectionKeyRecord>(key =>
        {
            // Stryker disable once Statement : the name of its DbSet, EF's default anyway; written out so that renaming the property cannot rename the table.
            key.ToTable("ProtectionKeys");
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
