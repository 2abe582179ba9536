using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenHealthLive.Core.Storage.Postgres.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Room",
                table: "Sessions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StartsAt",
                table: "Sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Sessions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrantId",
                table: "PresenterSignIns",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "PresenterSignIns",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "organiser");

            migrationBuilder.AddColumn<string>(
                name: "SessionCode",
                table: "PresenterSignIns",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionGrants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SessionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
