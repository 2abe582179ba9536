using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenHealthLive.Core.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProjectorState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ProjectorBlackout",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ProjectorCaptions",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ProjectorJoinOverlay",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ProjectorRevision",
                table: "Sessions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProjectorBlackout",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ProjectorCaptions",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ProjectorJoinOverlay",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ProjectorRevision",
                table: "Sessions");
        }
    }
}
