using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Polls;

/// <summary>
/// The votes a group of deferred writes decided, saved by the writer in one go: one prepared INSERT run for each new
/// vote and one prepared UPDATE for each changed one, with no change tracking and no savepoint per vote. A vote changed
/// again before it is saved is simply saved with its last answer. Used on the writer only.
/// </summary>
internal sealed class PendingVotes : IDeferredRows
{
    private static readonly string[] Columns =
        [nameof(VoteRow.SessionCode), nameof(VoteRow.PollId), nameof(VoteRow.Round), nameof(VoteRow.DeviceHash), nameof(VoteRow.ClientId), nameof(VoteRow.Answer), nameof(VoteRow.CreatedAt), nameof(VoteRow.UpdatedAt)];

    private readonly List<VoteRow> _inserts = [];
    private readonly HashSet<VoteRow> _unsaved = [];
    private readonly List<VoteRow> _updates = [];

    public void Insert(VoteRow vote)
    {
        _inserts.Add(vote);
        _unsaved.Add(vote);
    }

    /// <summary>Changes a vote: in place when it is not saved yet, else by an UPDATE on the unique (session, poll, round, device).</summary>
    public void Change(VoteRow vote, string clientId, string answer, DateTimeOffset now)
    {
        vote.ClientId = clientId;
        vote.Answer = answer;
        vote.UpdatedAt = now;
        if (!_unsaved.Contains(vote))
        {
            _updates.Add(vote);
        }
    }

    public async Task SaveAsync(LiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_inserts.Count == 0 && _updates.Count == 0)
        {
            return;
        }

        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var entity = db.Model.FindEntityType(typeof(PollVoteRecord))!;
            var table = entity.GetTableName()!;
            var names = Columns.Select(c => "\"" + entity.FindProperty(c)!.GetColumnName() + "\"").ToArray();
            if (_inserts.Count > 0)
            {
                await using var insert = Command(connection, transaction, Columns,
                    $"INSERT INTO \"{table}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})");
                foreach (var vote in _inserts)
                {
                    await BindAsync(insert, vote, cancellationToken);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            if (_updates.Count > 0)
            {
                await using var update = Command(connection, transaction, [.. Columns.Where(c => c != nameof(VoteRow.CreatedAt))],
                    $"UPDATE \"{table}\" SET {names[4]} = @{Columns[4]}, {names[5]} = @{Columns[5]}, {names[7]} = @{Columns[7]} "
                    + $"WHERE {names[0]} = @{Columns[0]} AND {names[1]} = @{Columns[1]} AND {names[2]} = @{Columns[2]} AND {names[3]} = @{Columns[3]}");
                foreach (var vote in _updates)
                {
                    await BindAsync(update, vote, cancellationToken);
                    if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
                    {
                        // The book said this vote was stored; the database says otherwise. Let the database decide again.
                        throw new DbUpdateException("A changed vote was not where the vote book had it.");
                    }
                }
            }
        }
        catch (DbException ex)
        {
            // A unique index refusing a row the book let through, for one: the writer then lets the database decide.
            throw new DbUpdateException("The votes of a group could not be saved together.", ex);
        }
        finally
        {
            Discard();
        }
    }

    public void Discard()
    {
        _inserts.Clear();
        _unsaved.Clear();
        _updates.Clear();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string[] columns, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var column in columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Sets the values; the first time, prepares the statement too (PostgreSQL takes the types from the values).</summary>
    private static async Task BindAsync(DbCommand command, VoteRow vote, CancellationToken cancellationToken)
    {
        var first = command.Parameters[0].Value is null;
        foreach (DbParameter parameter in command.Parameters)
        {
            parameter.Value = parameter.ParameterName[1..] switch
            {
                nameof(VoteRow.SessionCode) => vote.SessionCode,
                nameof(VoteRow.PollId) => vote.PollId,
                nameof(VoteRow.Round) => vote.Round,
                nameof(VoteRow.DeviceHash) => vote.DeviceHash,
                nameof(VoteRow.ClientId) => vote.ClientId,
                nameof(VoteRow.Answer) => vote.Answer,
                nameof(VoteRow.CreatedAt) => vote.CreatedAt,
                _ => vote.UpdatedAt,
            };
        }

        if (first)
        {
            await command.PrepareAsync(cancellationToken);
        }
    }
}
