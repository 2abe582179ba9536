using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenHealthLive.Core.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Pen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Strokes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Slide = table.Column<int>(type: "integer", nullable: false),
                    StrokeId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Tool = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Colour = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<string>(type: "character varying(18000)", maxLength: 18000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Strokes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Strokes_SessionCode_Slide",
                table: "Strokes",
                columns: new[] { "SessionCode", "Slide" });

            migrationBuilder.CreateIndex(
                name: "IX_Strokes_SessionCode_StrokeId",
                table: "Strokes",
                columns: new[] { "SessionCode", "StrokeId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Strokes");
        }
    }
}
