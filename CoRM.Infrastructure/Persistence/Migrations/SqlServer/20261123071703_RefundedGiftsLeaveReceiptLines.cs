using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RefundedGiftsLeaveReceiptLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReceiptLines_Gifts_GiftId",
                table: "ReceiptLines");

            // SQL Server refuses ALTER COLUMN on an indexed column, and EF only rebuilds indexes when a column narrows
            // (dotnet/efcore#25083): drop the one-current-receipt-per-gift index around the change.
            migrationBuilder.DropIndex(
                name: "IX_ReceiptLines_GiftId",
                table: "ReceiptLines");

            migrationBuilder.AlterColumn<int>(
                name: "GiftId",
                table: "ReceiptLines",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.CreateIndex(
                name: "IX_ReceiptLines_GiftId",
                table: "ReceiptLines",
                column: "GiftId",
                unique: true,
                filter: "[Voided] = 0");

            migrationBuilder.AddForeignKey(
                name: "FK_ReceiptLines_Gifts_GiftId",
                table: "ReceiptLines",
                column: "GiftId",
                principalTable: "Gifts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReceiptLines_Gifts_GiftId",
                table: "ReceiptLines");

            // SQL Server refuses ALTER COLUMN on an indexed column, and EF only rebuilds indexes when a column narrows
            // (dotnet/efcore#25083): drop the one-current-receipt-per-gift index around the change.
            migrationBuilder.DropIndex(
                name: "IX_ReceiptLines_GiftId",
                table: "ReceiptLines");

            migrationBuilder.AlterColumn<int>(
                name: "GiftId",
                table: "ReceiptLines",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceiptLines_GiftId",
                table: "ReceiptLines",
                column: "GiftId",
                unique: true,
                filter: "[Voided] = 0");

            migrationBuilder.AddForeignKey(
                name: "FK_ReceiptLines_Gifts_GiftId",
                table: "ReceiptLines",
                column: "GiftId",
                principalTable: "Gifts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
