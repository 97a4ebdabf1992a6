using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportsUndoAndTemporalValidation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "TemporalAuc",
                table: "RiskModelRuns",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TemporalBoostedAuc",
                table: "RiskModelRuns",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TemporalRulesAuc",
                table: "RiskModelRuns",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TemporalSplit",
                table: "RiskModelRuns",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UndoneAt",
                table: "MergeRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UndoneById",
                table: "MergeRecords",
                type: "INTEGER",
                nullable: true);

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
                name: "TemporalAuc",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "TemporalBoostedAuc",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "TemporalRulesAuc",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "TemporalSplit",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "UndoneAt",
                table: "MergeRecords");

            migrationBuilder.DropColumn(
                name: "UndoneById",
                table: "MergeRecords");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Constituents");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Constituents");
        }
    }
}
