using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StudentAndInvoiceNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "TuitionInvoices",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StudentNumber",
                table: "Constituents",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TuitionInvoices_Number",
                table: "TuitionInvoices",
                column: "Number",
                unique: true,
                filter: "[Number] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_StudentNumber",
                table: "Constituents",
                column: "StudentNumber",
                unique: true,
                filter: "[StudentNumber] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TuitionInvoices_Number",
                table: "TuitionInvoices");

            migrationBuilder.DropIndex(
                name: "IX_Constituents_StudentNumber",
                table: "Constituents");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "TuitionInvoices");

            migrationBuilder.DropColumn(
                name: "StudentNumber",
                table: "Constituents");
        }
    }
}
