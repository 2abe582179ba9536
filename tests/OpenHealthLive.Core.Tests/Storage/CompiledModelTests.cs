using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Storage.Postgres;

namespace OpenHealthLive.Core.Tests.Storage;

/// <summary>
/// The app runs on the compiled models in Storage/CompiledModels and Storage/Postgres/CompiledModels (EF Core finds
/// them by their assembly attribute), not on <see cref="LiveDbContext"/>'s OnModelCreating: a change to the model
/// that is not followed by <c>dotnet ef dbcontext optimize</c> (the commands are in docs/testing.md, "Changing the database model") fails here.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Providers => ["SQLite", "PostgreSQL"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_is_the_one_the_app_runs_on(string provider)
    {
        using var db = Create(provider);

        Assert.Equal(provider == "SQLite" ? "LiveDbContextModel" : "PostgresLiveDbContextModel", db.Model.GetType().Name);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_matches_the_model_built_from_the_code(string provider)
    {
        using var db = Create(provider);
        var compiled = db.Model;
        // At design time EF Core builds the model from OnModelCreating even when a compiled model exists.
        var fromCode = db.GetService<IDesignTimeModel>().Model;

        Assert.NotSame(compiled, fromCode);
        // EF Core's own description (entities, properties, keys, indexes, relationships, concurrency tokens, value
        // generation), then how each maps to the database: tables, columns, store types, index names.
        Assert.Equal(fromCode.ToDebugString(MetadataDebugStringOptions.LongDefault & ~MetadataDebugStringOptions.IncludeAnnotations),
            compiled.ToDebugString(MetadataDebugStringOptions.LongDefault & ~MetadataDebugStringOptions.IncludeAnnotations));
        Assert.Equal(Mapping(fromCode), Mapping(compiled));
    }

    private static string[] Mapping(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(entity => (string[])
        [
            $"{entity.Name} -> {entity.GetSchema()}.{entity.GetTableName()}",
            .. entity.GetProperties().Select(p =>
                $"  {p.Name} -> {p.GetColumnName()} {p.GetRelationalTypeMapping().StoreType} null={p.IsColumnNullable()} max={p.GetMaxLength()} default={p.GetDefaultValueSql()}{p.GetDefaultValue()} computed={p.GetComputedColumnSql()}"),
            .. entity.GetKeys().Select(k => $"  key {k.GetName()}"),
            .. entity.GetIndexes().Select(i => $"  index {i.GetDatabaseName()} unique={i.IsUnique} filter={i.GetFilter()}"),
            .. entity.GetForeignKeys().Select(f => $"  fk {f.GetConstraintName()} {f.DeleteBehavior}"),
        ]),
    ];

    private static LiveDbContext Create(string provider) => provider == "SQLite"
        ? new LiveDbContext(new DbContextOptionsBuilder<LiveDbContext>().UseSqlite("Data Source=:memory:").Options)
        : new PostgresLiveDbContext(new DbContextOptionsBuilder<PostgresLiveDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);
}
