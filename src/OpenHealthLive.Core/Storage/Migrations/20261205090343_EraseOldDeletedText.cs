using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenHealthLive.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class EraseOldDeletedText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Versions before secure_delete left deleted rows (questions included) in free pages and in the free
            // space of pages. VACUUM rebuilds the file from the live rows alone, once. SQLite cannot VACUUM inside
            // a transaction.
            migrationBuilder.Sql("VACUUM;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
