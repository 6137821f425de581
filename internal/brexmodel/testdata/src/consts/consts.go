// Package consts holds endpoint constants used from another package.
package consts

const TransfersPath = "/v1/transfers"

const CardsPath = "/v2/cards"
