using Microsoft.EntityFrameworkCore;

namespace OpenHealthLive.Core.Storage;

/// <summary>The database of sessions (and, later, questions and votes).</summary>
public sealed class LiveDbContext(DbContextOptions<LiveDbContext> options) : DbContext(options)
{
    /// <summary>Live sessions.</summary>
    public DbSet<LiveSessionRecord> Sessions => Set<LiveSessionRecord>();

    /// <summary>Audience questions.</summary>
    public DbSet<QuestionRecord> Questions => Set<QuestionRecord>();

    /// <summary>Upvotes of questions, one per device and question.</summary>
    public DbSet<QuestionVoteRecord> QuestionVotes => Set<QuestionVoteRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<LiveSessionRecord>(session =>
        {
            session.ToTable("Sessions");
            session.Property(s => s.Code).HasMaxLength(16);
            session.HasIndex(s => s.Code).IsUnique();
            session.Property(s => s.DeckSlug).HasMaxLength(64);
            session.Property(s => s.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<QuestionRecord>(question =>
        {
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
            vote.ToTable("QuestionVotes");
            vote.HasKey(v => new { v.QuestionId, v.DeviceHash });
            vote.Property(v => v.DeviceHash).HasMaxLength(64);
            vote.HasOne<QuestionRecord>().WithMany().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
