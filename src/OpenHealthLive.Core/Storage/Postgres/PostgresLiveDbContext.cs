using Microsoft.EntityFrameworkCore;

namespace OpenHealthLive.Core.Storage;

/// <summary>The same model on PostgreSQL, for several nodes sharing one database; it only adds its own migrations.</summary>
public sealed class PostgresLiveDbContext(DbContextOptions<PostgresLiveDbContext> options) : LiveDbContext(options);
