using Microsoft.EntityFrameworkCore;

namespace OpenHealthLive.Core.Storage.Postgres;

/// <summary>The same model on PostgreSQL, for several nodes sharing one database; it only adds its own migrations.</summary>
public sealed class PostgresLiveDbContext(DbContextOptions<PostgresLiveDbContext> options) : LiveDbContext(options);
