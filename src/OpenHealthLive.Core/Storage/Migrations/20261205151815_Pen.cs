using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenHealthLive.Core.Storage.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Slide = table.Column<int>(type: "INTEGER", nullable: false),
                    StrokeId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Tool = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<string>(type: "TEXT", maxLength: 18000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
