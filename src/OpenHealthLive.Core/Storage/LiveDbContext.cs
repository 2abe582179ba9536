using Microsoft.EntityFrameworkCore;

namespace OpenHealthLive.Core.Storage;

/// <summary>The database of sessions (and, later, questions and votes).</summary>
public sealed class LiveDbContext(DbContextOptions<LiveDbContext> options) : DbContext(options)
{
    /// <summary>Live sessions.</summary>
    public DbSet<LiveSessionRecord> Sessions => Set<LiveSessionRecord>();

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
    }
}
