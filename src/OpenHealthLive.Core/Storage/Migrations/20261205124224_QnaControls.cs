using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenHealthLive.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class QnaControls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "QuestionsClosed",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SlowModeSeconds",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "BlockedDevices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeviceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BlockedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlockedDevices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BlockedDevices_SessionCode_DeviceHash",
                table: "BlockedDevices",
                columns: new[] { "SessionCode", "DeviceHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BlockedDevices");

            migrationBuilder.DropColumn(
                name: "QuestionsClosed",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SlowModeSeconds",
                table: "Sessions");
        }
    }
}
