// Command payouts pays the vendor invoices listed in a CSV file from a Brex
// Cash account.
//
//	BREX_API_TOKEN=... payouts -account dpacc_... payouts.csv
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"

	"example.com/brexpayouts/brex"
	"example.com/brexpayouts/payouts"
)

func main() {
	account := flag.String("account", "", "Brex Cash account `id` to pay from")
	expenses := flag.Bool("expenses", false, "list card expenses instead of paying")
	flag.Parse()
	log.SetFlags(0)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	client := brex.NewClient()

	if *expenses {
		cursor := ""
		for {
			items, next, err := client.ListCardExpenses(ctx, cursor)
			if err != nil {
				log.Fatal(err)
			}
			for _, e := range items {
				fmt.Printf("%s\t%d\t%s\n", e.ID, e.OriginalAmount.Amount, e.Memo)
			}
			if next == "" {
				return
			}
			cursor = next
		}
	}

	if *account == "" || flag.NArg() != 1 {
		log.Fatal("usage: payouts -account ID payouts.csv")
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	rows, err := payouts.ReadCSV(f)
	if err != nil {
		log.Fatal(err)
	}

	payer := &payouts.Payer{Client: client, AccountID: *account}
	if err := payer.CanCover(ctx, rows); err != nil {
		log.Fatal(err)
	}
	if err := payer.LoadVendors(ctx); err != nil {
		log.Fatal(err)
	}
	var sum payouts.Summary
	for _, p := range rows {
		t, err := payer.Pay(ctx, p)
		if err != nil {
			log.Printf("invoice %s: %v", p.InvoiceID, err)
			continue
		}
		if err := payouts.Check(t); err != nil {
			log.Printf("invoice %s: %v", p.InvoiceID, err)
		}
		sum.Add(t)
	}
	fmt.Printf("paid %d, pending %d, failed %d\n", sum.Paid, sum.Pending, sum.Failed)
}
