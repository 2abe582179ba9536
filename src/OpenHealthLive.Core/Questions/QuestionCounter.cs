using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Questions;

/// <summary>Counts a session's questions by status. Apart from <see cref="QuestionService"/>, so the code that announces changes can count without depending on the service that announces through it.</summary>
public sealed class QuestionCounter(IDbContextFactory<LiveDbContext> dbFactory)
{
    /// <summary>The session's questions, counted by who can see them.</summary>
    public async Task<QuestionCounts> CountAsync(string sessionCode, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byStatus = await db.Questions.AsNoTracking()
            .Where(q => q.SessionCode == sessionCode)
            .GroupBy(q => q.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(QuestionStatus status) => byStatus.FirstOrDefault(s => s.Status == (int)status)?.Count ?? 0;
        return new QuestionCounts(Of(QuestionStatus.Visible), Of(QuestionStatus.Held), Of(QuestionStatus.Hidden));
    }
}
