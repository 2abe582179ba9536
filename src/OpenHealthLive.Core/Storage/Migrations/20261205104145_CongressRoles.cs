using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenHealthLive.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CongressRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsRehearsal",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Room",
                table: "Sessions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StartsAt",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Sessions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrantId",
                table: "PresenterSignIns",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "PresenterSignIns",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "organiser");

            migrationBuilder.AddColumn<string>(
                name: "SessionCode",
                table: "PresenterSignIns",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionGrants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SessionCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionGrants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PresenterSignIns_GrantId",
                table: "PresenterSignIns",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionGrants_SecretHash",
                table: "SessionGrants",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionGrants_SessionCode",
                table: "SessionGrants",
                column: "SessionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SessionGrants");

            migrationBuilder.DropIndex(
                name: "IX_PresenterSignIns_GrantId",
                table: "PresenterSignIns");

            migrationBuilder.DropColumn(
                name: "IsRehearsal",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Room",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "StartsAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "GrantId",
                table: "PresenterSignIns");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "PresenterSignIns");

            migrationBuilder.DropColumn(
                name: "SessionCode",
                table: "PresenterSignIns");
        }
    }
}
