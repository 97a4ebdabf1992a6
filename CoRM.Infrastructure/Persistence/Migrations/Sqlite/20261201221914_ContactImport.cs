using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Constituents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Constituents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SavedImportMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Importer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Columns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedImportMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_ExternalId",
                table: "Constituents",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavedImportMappings_Importer_Source",
                table: "SavedImportMappings",
                columns: new[] { "Importer", "Source" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedImportMappings");

            migrationBuilder.DropIndex(
                name: "IX_Constituents_ExternalId",
                table: "Constituents");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Constituents");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Constituents");
        }
    }
}
